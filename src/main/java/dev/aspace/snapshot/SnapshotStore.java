package dev.aspace.snapshot;

import dev.aspace.model.MalformedInputException;
import dev.aspace.model.Snapshot;
import dev.aspace.model.Source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Snapshot files on disk. Saving is atomic: the JSON goes to a temporary file in the target's
 * directory, is forced to disk, and is then renamed over the target in one step, so a reader
 * sees the old file or the new one, never half of one. When that cannot be done the save fails
 * and the old file stays byte for byte as it was ({@link OutputFiles} says what may be replaced).
 */
public final class SnapshotStore {

    private SnapshotStore() {
    }

    /**
     * @throws SaveFailedException the file could not be written or replaced whole; the old one is unchanged
     */
    public static void save(Snapshot snapshot, Path target) {
        OutputFiles.writeAtomically(target, "save", out -> SnapshotCodec.write(snapshot, out));
    }

    /**
     * Reads and checks a snapshot file. Its source becomes the file, still marked partial when
     * it was saved from an import that could not read every line.
     *
     * @throws MalformedInputException the file is missing, unreadable or not a valid snapshot
     */
    public static Snapshot load(Path file) {
        String name = file.toString();
        InputFiles.requireOrdinary(file, "a snapshot file (JSON)");
        try (InputStream in = Files.newInputStream(file)) {
            Snapshot s = SnapshotCodec.read(in, name);
            return s.withSource(new Source(Source.Type.FILE, name + partialMark(s.source())));
        } catch (NoSuchFileException e) {
            throw new MalformedInputException(name, "", "no such file", e);
        } catch (IOException e) {
            throw InputFiles.readFailure(name, e);
        }
    }

    /** " (partial: N unreadable lines)" when the saved source said so (ImportResult.markedPartial), else "". */
    private static String partialMark(Source saved) {
        String d = saved == null ? "" : saved.description();
        int at = d.lastIndexOf(" (partial: ");
        return at >= 0 && d.endsWith(")") ? d.substring(at) : "";
    }
}
