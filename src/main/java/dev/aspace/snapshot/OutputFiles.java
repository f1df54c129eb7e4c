package dev.aspace.snapshot;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every file aspace writes goes through here, because aspace often runs as root. An output
 * path may name nothing (a new file) or an ordinary file (replaced); a device, FIFO, socket or
 * directory is refused and left as it was. A link in the last component is never written
 * through: the temporary file is renamed over the link itself. A new file gets
 * {@code 0666 & ~umask} (the temporary file is created without a mode of its own); a replaced
 * file keeps its mode and, where allowed, its owner. Temporary files are removed on any failure,
 * {@link Error}s included, and messages name the user's path, never the temporary file.
 */
public final class OutputFiles {

    /** Writes the content of a file. */
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** The ordinary file an output replaces: its permission bits and owner. */
    public record Existing(int mode, int uid, int gid) {
    }

    private OutputFiles() {
    }

    /**
     * What is at {@code target} (the link itself if it is one): null for nothing or a link,
     * the ordinary file's attributes, or a refusal.
     *
     * @throws SaveFailedException (exit 2) a directory, device, FIFO, socket or other special file
     */
    public static Existing check(Path target, String verb) {
        FileKind kind;
        Map<String, Object> attrs = null;
        try {
            kind = FileKind.of(target, LinkOption.NOFOLLOW_LINKS);
            if (kind == FileKind.REGULAR) {
                attrs = Files.readAttributes(target, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException | UnsupportedOperationException e) {
            return null; // cannot even look: creating the temporary file will say why
        }
        switch (kind) {
            case MISSING, SYMLINK -> {
                return null;
            }
            case REGULAR -> {
                return new Existing((Integer) attrs.get("mode") & 07777, (Integer) attrs.get("uid"),
                        (Integer) attrs.get("gid"));
            }
            default -> throw refused(target, verb, kind);
        }
    }

    /** The refusal for a special file as output. */
    static SaveFailedException refused(Path target, String verb, FileKind kind) {
        return new SaveFailedException("cannot " + verb + " " + target + ": it is " + kind.description()
                + ", not an ordinary file; give the name of a file to create or replace (it was left as it was)",
                null, 2);
    }

    /**
     * Writes {@code target} whole or not at all: a temporary file beside it, forced to disk,
     * then renamed over it.
     *
     * @param verb "save", "write": the message says "cannot VERB TARGET: reason"
     * @throws SaveFailedException the old file (if any) is unchanged and no temporary file is left
     */
    public static void writeAtomically(Path target, String verb, Body body) {
        Path file = target.toAbsolutePath();
        Existing old = check(file, verb);
        String keep = Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? "; " + target + " was left as it was" : "";
        Path temp = createTemp(target, verb, keep);
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                body.write(out);
                out.flush();
                ch.force(true);
            }
            keepOwnerAndMode(temp, old);
            check(file, verb); // it may have changed while we wrote
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new SaveFailedException("cannot " + verb + " " + target
                        + ": the file system cannot replace it in one step" + keep, e);
            }
            moved = true;
        } catch (IOException e) {
            throw new SaveFailedException("cannot " + verb + " " + target + ": " + reason(e, temp, target) + keep, e);
        } catch (SaveFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SaveFailedException("cannot " + verb + " " + target + ": "
                    + (e.getMessage() == null ? "the content could not be written" : e.getMessage()) + keep, e);
        } finally {
            if (!moved) {
                deleteQuietly(temp);
            }
        }
        syncDirectory(file.getParent());
    }

    /**
     * Creates an empty temporary file {@code .NAME.N.tmp} beside {@code target}, with no mode
     * of its own, so that it gets {@code 0666 & ~umask} as any new file.
     */
    public static Path createTemp(Path target, String verb, String keep) {
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        String name = file.getFileName().toString();
        if (name.length() > 200) {
            name = name.substring(0, 200);
        }
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".tmp");
            try {
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw new SaveFailedException("cannot " + verb + " " + target + ": cannot create a file in " + dir
                            + keep, e);
                }
            } catch (IOException e) {
                throw new SaveFailedException("cannot " + verb + " " + target + ": cannot create a file in " + dir
                        + " (" + reason(e, temp, target) + ")" + keep, e);
            }
        }
    }

    /** A replaced file keeps its mode and, where this user may set it, its owner. */
    public static void keepOwnerAndMode(Path temp, Existing old) throws IOException {
        if (old == null) {
            return;
        }
        try {
            Files.setAttribute(temp, "unix:mode", old.mode() & 0777);
            if (((Integer) Files.getAttribute(temp, "unix:uid")) != old.uid()
                    || ((Integer) Files.getAttribute(temp, "unix:gid")) != old.gid()) {
                try {
                    Files.setAttribute(temp, "unix:gid", old.gid());
                    Files.setAttribute(temp, "unix:uid", old.uid());
                } catch (FileSystemException e) {
                    // only root may give a file away: the new file stays this user's
                }
            }
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // not a POSIX file system: it has no modes to keep
        }
    }

    /**
     * Why an I/O operation failed, in words, naming the user's {@code target} wherever the
     * system named the temporary file.
     */
    public static String reason(IOException e, Path temp, Path target) {
        String r;
        if (e instanceof AccessDeniedException) {
            r = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            Path dir = target.toAbsolutePath().getParent();
            r = "no such directory: " + dir;
        } else {
            r = InputFiles.reason(e);
        }
        if (temp != null) {
            r = r.replace(temp.toString(), target.toString());
        }
        return r;
    }

    /** Makes a rename durable; some file systems refuse to sync a directory, which is harmless. */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // the data is on disk already; only the rename's durability is left to the kernel
        }
    }

    public static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // the temporary file is named .NAME.*.tmp; nothing else was touched
        }
    }
}
