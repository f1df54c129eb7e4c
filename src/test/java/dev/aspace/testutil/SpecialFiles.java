package dev.aspace.testutil;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** FIFOs, sockets and device nodes made in a test's own directory, never the system's. */
public final class SpecialFiles {

    private SpecialFiles() {
    }

    public static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    public static Path fifo(Path p) {
        run("mkfifo", p.toString());
        return p;
    }

    /** A socket file, left behind by a server that has closed. */
    public static Path socket(Path p) throws IOException {
        try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            s.bind(UnixDomainSocketAddress.of(p));
        }
        return p;
    }

    /** A character device node (root only): 1,3 is what /dev/null is, 1,5 /dev/zero. */
    public static Path charDevice(Path p, int major, int minor) {
        run("mknod", p.toString(), "c", Integer.toString(major), Integer.toString(minor));
        return p;
    }

    /** Runs a command, failing with what it said unless it succeeds. */
    public static String run(String... cmd) {
        try {
            Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String said = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (proc.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + ": " + said);
            }
            return said;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", cmd), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", cmd), e);
        }
    }
}
