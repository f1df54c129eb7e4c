package dev.aspace.snapshot;

import dev.aspace.model.MalformedInputException;
import dev.aspace.model.Snapshot;
import dev.aspace.model.Source;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Snapshot files on disk. Saving is atomic: the JSON goes to a temporary file in the target's
 * directory, is forced to disk, and is then renamed over the target in one step, so a reader
 * sees the old file or the new one, never half of one. When that cannot be done the save fails
 * and the old file stays byte for byte as it was.
 */
public final class SnapshotStore {

    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private SnapshotStore() {
    }

    /**
     * @throws SaveFailedException the file could not be written or replaced whole; the old one is unchanged
     */
    public static void save(Snapshot snapshot, Path target) {
        Path file = target.toAbsolutePath().normalize();
        Path dir = file.getParent();
        if (Files.isDirectory(file)) {
            throw new SaveFailedException("cannot save " + file + ": it is a directory; give a file name", null);
        }
        String keep = Files.exists(file) ? "; " + file + " was left as it was" : "";
        Path temp;
        try {
            temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw new SaveFailedException("cannot save " + file + ": cannot create a file in " + dir + " ("
                    + reason(e) + ")" + keep, e);
        }
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                SnapshotCodec.write(snapshot, out);
                out.flush();
                ch.force(true);
            }
            permissions(temp, file);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            deleteQuietly(temp);
            throw new SaveFailedException("cannot save " + file + ": the file system cannot replace it in one step"
                    + keep, e);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw new SaveFailedException("cannot save " + file + ": " + reason(e) + keep, e);
        }
        syncDirectory(dir);
    }

    /**
     * Reads and checks a snapshot file. Its source becomes the file, still marked partial when
     * it was saved from an import that could not read every line.
     *
     * @throws MalformedInputException the file is missing, unreadable or not a valid snapshot
     */
    public static Snapshot load(Path file) {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            Snapshot s = SnapshotCodec.read(in, name);
            return s.withSource(new Source(Source.Type.FILE, name + partialMark(s.source())));
        } catch (NoSuchFileException e) {
            throw new MalformedInputException(name, "", "no such file", e);
        } catch (IOException e) {
            throw new MalformedInputException(name, "", "cannot read the file (" + reason(e) + ")", e);
        }
    }

    /** " (partial: N unreadable lines)" when the saved source said so (ImportResult.markedPartial), else "". */
    private static String partialMark(Source saved) {
        String d = saved == null ? "" : saved.description();
        int at = d.lastIndexOf(" (partial: ");
        return at >= 0 && d.endsWith(")") ? d.substring(at) : "";
    }

    /** A replaced file keeps its mode; a new one is rw-r--r-- (temporary files start rw-------). */
    private static void permissions(Path temp, Path file) throws IOException {
        try {
            Set<PosixFilePermission> mode = Files.exists(file) ? Files.getPosixFilePermissions(file) : NEW_FILE;
            Files.setPosixFilePermissions(temp, mode);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep what the system gave
        }
    }

    /** Makes the rename itself durable; some file systems refuse to sync a directory, which is harmless. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // the data is on disk already; only the rename's durability is left to the kernel
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // the temporary file is named .NAME.*.tmp; nothing else was touched
        }
    }

    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
