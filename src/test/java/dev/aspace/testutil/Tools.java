package dev.aspace.testutil;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/** Runs the machine's own tools (readelf, nm, gcc, gdb) for tests that compare against them. */
public final class Tools {

    private Tools() {
    }

    /** Standard output of a command in the C locale; fails when it exits non-zero or hangs. */
    public static String run(Path dir, String... command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            pb.environment().put("LC_ALL", "C");
            Process p = pb.start();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                ByteArrayOutputStream b = new ByteArrayOutputStream(1 << 16);
                in.transferTo(b);
                out = b.toByteArray();
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(Arrays.toString(command) + " did not finish");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(Arrays.toString(command) + " exited " + p.exitValue() + ": " + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + Arrays.toString(command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String run(String... command) {
        return run(null, command);
    }

    /** True when a program of that name is on the PATH. */
    public static boolean has(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (new File(d, program).canExecute()) {
                return true;
            }
        }
        return false;
    }

    /** The file the running JVM maps whose name starts with the prefix (libc.so, ld-linux): a real library. */
    public static Path mappedLibrary(String prefix) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int slash = line.indexOf('/');
                if (slash > 0) {
                    Path p = Path.of(line.substring(slash).trim());
                    if (p.getFileName().toString().startsWith(prefix)) {
                        return p;
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("this JVM maps no " + prefix + "*");
    }
}
