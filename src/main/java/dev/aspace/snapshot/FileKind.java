package dev.aspace.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The type of a directory entry (st_mode & S_IFMT), named for messages. */
enum FileKind {
    MISSING("nothing"),
    REGULAR("an ordinary file"),
    DIRECTORY("a directory"),
    SYMLINK("a symbolic link"),
    FIFO("a FIFO (named pipe)"),
    CHARACTER_DEVICE("a character device"),
    BLOCK_DEVICE("a block device"),
    SOCKET("a socket"),
    UNKNOWN("not an ordinary file");

    private final String description;

    FileKind(String description) {
        this.description = description;
    }

    /** "a FIFO (named pipe)", for "X is a FIFO (named pipe)". */
    String description() {
        return description;
    }

    static FileKind ofMode(int mode) {
        return switch (mode & 0170000) {
            case 0100000 -> REGULAR;
            case 0040000 -> DIRECTORY;
            case 0120000 -> SYMLINK;
            case 0010000 -> FIFO;
            case 0020000 -> CHARACTER_DEVICE;
            case 0060000 -> BLOCK_DEVICE;
            case 0140000 -> SOCKET;
            default -> UNKNOWN;
        };
    }

    /**
     * What {@code path} is; with {@link LinkOption#NOFOLLOW_LINKS} a link itself is reported.
     * No file opened: asking this of a FIFO never blocks.
     */
    static FileKind of(Path path, LinkOption... options) throws IOException {
        try {
            return ofMode((Integer) Files.getAttribute(path, "unix:mode", options));
        } catch (NoSuchFileException e) {
            return MISSING;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // no "unix" attribute view: the basic one tells fewer kinds apart
            if (Files.isSymbolicLink(path) && options.length > 0) {
                return SYMLINK;
            }
            if (!Files.exists(path, options)) {
                return MISSING;
            }
            return Files.isRegularFile(path, options) ? REGULAR
                    : Files.isDirectory(path, options) ? DIRECTORY : UNKNOWN;
        }
    }
}
