package dev.aspace.snapshot.importers;

import dev.aspace.model.MalformedInputException;
import dev.aspace.snapshot.InputFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports text from a tool: detects the format from the first lines, then streams the rest
 * through the importer that recognised it. The file is only ever opened for reading.
 */
public final class TextImport {

    /** Lines looked at to decide the format (vmmap's header is about 25 lines). */
    static final int DETECT_LINES = 100;

    private final List<Importer> importers;
    private final ImportLimits limits;

    public TextImport(List<Importer> importers, ImportLimits limits) {
        this.importers = List.copyOf(importers);
        this.limits = limits;
    }

    /** The importers that need nothing but text: BusyBox/toybox pmap, pmap, vmmap, VMMap CSV, free. */
    public static List<Importer> builtIn() {
        return List.of(new BusyboxPmapImporter(), new PmapImporter(), new VmmapImporter(), new WindowsVmmapImporter(),
                new FreeImporter());
    }

    /** These importers plus {@code more} (asked first). */
    public static TextImport with(List<Importer> more) {
        List<Importer> all = new ArrayList<>(more);
        all.addAll(builtIn());
        return new TextImport(all, ImportLimits.DEFAULT);
    }

    public TextImport withLimits(ImportLimits newLimits) {
        return new TextImport(importers, newLimits);
    }

    /** Imports a file. */
    public ImportResult read(Path file, long freeUnit) {
        String name = file.toString();
        InputFiles.requireOrdinary(file, "a text file to import");
        Instant mtime;
        try {
            mtime = Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw InputFiles.readFailure(name, e);
        }
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ)) {
            return read(in, new ImportContext(file.getFileName().toString(), mtime, freeUnit), name);
        } catch (IOException e) {
            throw InputFiles.readFailure(name, e);
        } catch (UncheckedIOException e) {
            throw InputFiles.readFailure(name, e.getCause());
        }
    }

    /** Imports text from a stream; {@code sourceName} names it in messages. */
    public ImportResult read(InputStream in, ImportContext context, String sourceName) {
        LineSource lines = new LineSource(in, sourceName, limits);
        List<String> head = lines.peek(DETECT_LINES);
        if (head.stream().allMatch(Scan::isBlank)) {
            throw new MalformedInputException(sourceName, "", "the file is empty: expected one of "
                    + ImportFormat.expectedList());
        }
        for (Importer importer : importers) {
            ImportFormat format = importer.detect(head);
            if (format != null) {
                return importer.read(lines, format, context);
            }
        }
        String first = head.stream().filter(l -> !Scan.isBlank(l)).findFirst().orElse("").strip();
        if (first.length() > 60) {
            first = first.substring(0, 57) + "...";
        }
        throw new MalformedInputException(sourceName, "", "unknown format (it starts '" + first
                + "'): expected one of " + ImportFormat.expectedList());
    }
}
