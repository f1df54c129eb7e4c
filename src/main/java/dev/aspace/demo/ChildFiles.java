package dev.aspace.demo;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a memory-user child makes for its file and shm blocks, named after its pid
 * ({@code DIR/aspace-file-PID-N}, {@code /dev/shm/aspace-shm-PID-N}). The child removes them as it
 * ends; a child killed by a signal cannot, so its parent does.
 */
public final class ChildFiles {

    static final Path SHM = Path.of("/dev/shm");

    private ChildFiles() {
    }

    /** Removes the ordinary files child {@code pid} left in {@code tmpdir} and /dev/shm; returns those removed. */
    public static List<Path> remove(int pid, Path tmpdir) {
        List<Path> removed = new ArrayList<>();
        removeIn(tmpdir, "aspace-file-" + pid + "-*", removed);
        removeIn(SHM, "aspace-shm-" + pid + "-*", removed);
        return removed;
    }

    private static void removeIn(Path dir, String glob, List<Path> removed) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
            for (Path f : files) {
                if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(f)) {
                    removed.add(f);
                }
            }
        } catch (IOException e) {
            // no such directory, or not ours to list: nothing of the child's can be there to remove
        }
    }
}
