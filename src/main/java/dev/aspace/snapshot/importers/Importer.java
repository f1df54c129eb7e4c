package dev.aspace.snapshot.importers;

import java.util.List;

/** One family of text formats: recognises its own text and reads it into a snapshot. */
public interface Importer {

    /**
     * The format of a file that starts with these lines (blank lines included), or null when the
     * text is not of this family.
     */
    ImportFormat detect(List<String> head);

    /** Reads the whole text; {@code format} is what {@link #detect} said. */
    ImportResult read(LineSource lines, ImportFormat format, ImportContext context);
}
