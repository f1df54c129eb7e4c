package dev.aspace.cli;

import dev.aspace.snapshot.importers.TextImports;
import dev.aspace.model.MalformedInputException;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.InputFiles;
import dev.aspace.snapshot.SnapshotCodec;
import dev.aspace.snapshot.SnapshotStore;
import dev.aspace.snapshot.importers.CoreImporter;
import dev.aspace.snapshot.series.SeriesReader;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens what a user points the CLI at: a saved snapshot (JSON), or text any importer reads. */
final class SnapshotFiles {

    /** What every command that reads a file takes. */
    static final String WHAT = "a snapshot, a recorded series or captured text (pmap, smaps, vmmap, free)";

    private SnapshotFiles() {
    }

    /** A snapshot, captured text, or a frame of a recorded series named {@code FILE@I}. */
    static Snapshot load(Path file) {
        Snapshot frame = SeriesFrames.frameOrNull(file);
        if (frame != null) {
            return frame;
        }
        if (isJson(file)) {
            return SnapshotStore.load(file);
        }
        return CoreImporter.isElf(file) ? CoreImporter.read(file) : TextImports.read(file, 0).snapshot();
    }

    /**
     * True for a snapshot file: gzip's magic bytes (version 2) or a first non-blank byte '{'
     * (version 1, or version 2 uncompressed); imported text never starts so.
     */
    static boolean isJson(Path file) {
        InputFiles.requireOrdinary(file, WHAT);
        try (InputStream in = Files.newInputStream(file)) {
            int c = in.read();
            if (c == 0x1f) {
                return in.read() == 0x8b;
            }
            while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF) {
                c = in.read(); // blanks and a UTF-8 byte-order mark
            }
            return c == '{';
        } catch (IOException e) {
            throw InputFiles.readFailure(file.toString(), e);
        }
    }

    /** "snapshot" or "series" when aspace itself wrote the file (either format version), else null. */
    static String aspaceKind(Path file) {
        if (SeriesReader.isSeries(file)) {
            return "series";
        }
        if (!isJson(file)) {
            return null;
        }
        byte[] head = new byte[512];
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream in = gzip ? new GZIPInputStream(raw) : raw;
            int n = in.readNBytes(head, 0, head.length);
            return new String(head, 0, n, StandardCharsets.UTF_8).contains("\"" + SnapshotCodec.FORMAT + "\"")
                    ? "snapshot" : null;
        } catch (IOException e) {
            return null; // damaged: whoever reads it next says why
        }
    }

    /** Refuses to write over an input: the files a user hands in are never modified. */
    static void checkNotInput(Path out, Path... inputs) {
        for (Path in : inputs) {
            try {
                if (Files.exists(out) && Files.isSameFile(out, in)) {
                    throw new MalformedInputException(out.toString(), "",
                            "is also the input: give another output file (inputs are never modified)");
                }
            } catch (IOException e) {
                // cannot compare: the write itself will report a real problem
            }
        }
    }
}
