package dev.aspace.snapshot;

import dev.aspace.model.AspaceException;
import dev.aspace.model.MalformedInputException;
import dev.aspace.model.UnreadableFileException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Files a user hands in are read only when they are ordinary files (a link to one is fine): a
 * FIFO would block the reader forever, a device could be endless, a directory is a mistake.
 * The check looks at the entry without opening it; only an ordinary file is then opened, to
 * refuse UTF-16 text in one line.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /**
     * @param what what was expected, for the message ("a snapshot or text file")
     * @throws MalformedInputException missing, not an ordinary file, or UTF-16 text (exit 2)
     * @throws UnreadableFileException this user may not read it (exit 1)
     */
    public static void requireOrdinary(Path file, String what) {
        String name = file.toString();
        FileKind kind;
        try {
            kind = FileKind.of(file);
        } catch (IOException e) {
            throw readFailure(name, e);
        }
        if (kind == FileKind.MISSING) {
            throw new MalformedInputException(name, "", "no such file");
        }
        if (kind != FileKind.REGULAR) {
            throw new MalformedInputException(name, "", "is " + kind.description() + ", not an ordinary file: give "
                    + what);
        }
        if (!Files.isReadable(file)) {
            throw new UnreadableFileException("cannot read " + name + ": permission denied", null);
        }
        refuseUtf16(file);
    }

    /** UTF-16 text gets one answer, whichever command reads it (each format would misread it its own way). */
    private static void refuseUtf16(Path file) {
        String name = file.toString();
        byte[] head = new byte[Utf16Text.HEAD];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw readFailure(name, e);
        }
        Utf16Text.describe(head, n).ifPresent(how -> {
            throw new MalformedInputException(name, "", "is UTF-16 text (" + how + "); aspace reads UTF-8: convert it"
                    + " first, e.g. iconv -f UTF-16" + (how.contains("without") ? how.startsWith("big") ? "BE" : "LE" : "")
                    + " -t UTF-8 " + name + " > " + name + ".utf8");
        });
    }

    /** An I/O failure while reading {@code name}, with its reason: permission is exit 1, the rest exit 2. */
    public static AspaceException readFailure(String name, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new UnreadableFileException("cannot read " + name + ": permission denied", e);
        }
        if (e instanceof NoSuchFileException) {
            return new MalformedInputException(name, "", "no such file", e);
        }
        return new MalformedInputException(name, "", "cannot read: " + reason(e), e);
    }

    /** The system's reason without the file name an exception message repeats. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        if (e.getMessage() != null && !e.getMessage().isBlank()) {
            return e.getMessage();
        }
        return e.getCause() instanceof IOException c ? reason(c) : "input/output error";
    }
}
