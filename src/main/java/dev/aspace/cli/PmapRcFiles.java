package dev.aspace.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where pmap's rc file lives and how it is written and read: {@code ~/.pmaprc} ($HOME, as
 * procps) unless a file is named. As procps, an existing file is never replaced; unlike procps,
 * each message names the file and the reason.
 */
final class PmapRcFiles {

    private PmapRcFiles() {
    }

    /**
     * {@code -n} ({@code file} null: ~/.pmaprc) or {@code -N FILE}: writes {@link PmapRc#TEMPLATE}.
     *
     * @return the exit status: 0 written, 1 not
     */
    static int create(String file, PrintWriter err) {
        Path path = file != null ? Path.of(file) : defaultFile(err);
        if (path == null) {
            return 1;
        }
        String shown = file != null ? file : "~/.pmaprc";
        try {
            // CREATE_NEW: never replaces a file, and never writes through a link in the last component
            Files.writeString(path, PmapRc.TEMPLATE, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            err.println("aspace: couldn't create " + shown + ": the file already exists - delete or rename it first");
            return 1;
        } catch (IOException e) {
            err.println("aspace: couldn't create " + shown + ": " + reason(e));
            return 1;
        } finally {
            err.flush();
        }
        err.println("aspace: " + shown + " file successfully created, feel free to edit the content");
        err.flush();
        return 0;
    }

    /**
     * {@code -c} ({@code file} null: ~/.pmaprc) or {@code -C FILE}: the rc file read, its
     * warnings said on stderr; null (said why) when it cannot be read.
     */
    static PmapRc read(String file, PrintWriter err) {
        Path path = file != null ? Path.of(file) : defaultFile(err);
        if (path == null) {
            return null;
        }
        String shown = file != null ? file : "~/.pmaprc";
        try {
            if (!Files.isRegularFile(path) && Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                err.println("aspace: couldn't read the rc file " + shown + ": not an ordinary file");
                return null;
            }
            PmapRc rc = PmapRc.parse(Files.readString(path, StandardCharsets.ISO_8859_1));
            for (String w : rc.warnings()) {
                err.println("aspace: " + shown + ": " + w);
            }
            return rc;
        } catch (IOException e) {
            err.println("aspace: couldn't read the rc file " + shown + ": " + reason(e)
                    + (file == null ? " (write one with aspace pmap -n)" : ""));
            return null;
        } finally {
            err.flush();
        }
    }

    private static Path defaultFile(PrintWriter err) {
        String home = System.getenv("HOME");
        if (home == null || home.isEmpty()) {
            err.println("aspace: HOME variable undefined: set it, or name the rc file with -C/-N FILE");
            err.flush();
            return null;
        }
        return Path.of(home, ".pmaprc");
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
