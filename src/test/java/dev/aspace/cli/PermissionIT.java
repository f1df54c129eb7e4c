package dev.aspace.cli;

import dev.aspace.testutil.Fixtures;
import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged jar run as user nobody against a process of root: the kernel refuses, and aspace
 * says so in one line naming the process and what grants access. As procps pmap run the same
 * way, the process's first line is printed on stdout and the exit status is 1.
 */
class PermissionIT {

    @Test
    void anotherUsersProcessIsRefusedInOneLine() throws Exception {
        assumeTrue(ProcpsRun.has("pmap"), "procps pmap is not installed");
        Path jar = jarToRunAsNobody();
        try (LiveProcess root = LiveProcess.sleep()) {
            String pid = Integer.toString(root.pid());
            for (List<String> args : List.of(List.of("pmap", pid), List.of("pmap", "-X", pid), List.of("pmap", "-XX", "-p", pid))) {
                Result r = asNobody(jar, args);
                Result real = asNobody(null, args);
                assertEquals(1, real.code, "procps: " + real.err);
                assertEquals(real.code, r.code, args + ": " + r.err);
                assertEquals(real.out, r.out, "the process's first line, as procps");
                assertTrue(r.out.startsWith(pid + ":   "), r.out);
                assertEquals(1, r.err.strip().split("\n").length, "one line: " + r.err);
                assertTrue(r.err.contains(pid), "names the process: " + r.err);
                assertTrue(r.err.contains("permission denied") && r.err.contains("CAP_SYS_PTRACE"),
                        "says why and what grants it: " + r.err);
                assertFalse(r.err.contains("\tat "), "no stack trace: " + r.err);
            }
        }
    }

    @Test
    void aFileThisUserMayNotReadIsARuntimeConditionWithTheReason() throws Exception {
        Path jar = jarToRunAsNobody();
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "aspace-perm");
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path secret = dir.resolve("secret.txt");
            Files.copy(Fixtures.path("pmap-default-01-centos7-x86_64.txt"), secret);
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
            for (List<String> args : List.of(List.of("pmap", "-X", secret.toString()), List.of("import", secret.toString()),
                    List.of("diff", secret.toString(), secret.toString()))) {
                Result r = asNobody(jar, args);
                assertEquals(1, r.code, args + ": " + r.err);
                assertEquals("aspace: cannot read " + secret + ": permission denied\n", r.err, args.toString());
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void aRunUnderACgroupLimitWithoutTheRightToMakeOneSaysWhatIsNeeded() throws Exception {
        Path jar = jarToRunAsNobody();
        Result r = asNobody(jar, List.of("memory-user", "8", "1", "--cgroup-limit", "64M"));
        assertEquals(1, r.code, r.err);
        assertEquals(1, r.err.strip().split("\n").length, "one line: " + r.err);
        assertTrue(r.err.startsWith("aspace: cannot run under a memory limit: ") && r.err.contains("root"),
                "says what is needed: " + r.err);
        assertFalse(r.err.contains("\tat "), "no stack trace: " + r.err);
        assertFalse(r.out.contains("memory-user: pid"), "the program did not run unlimited instead: " + r.out);
    }

    /** The packaged jar, when this test can run it as another user. */
    private static Path jarToRunAsNobody() {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to start a process as another user");
        assumeTrue(ProcpsRun.has("setpriv"), "setpriv (util-linux) is not installed");
        Path jar = Path.of(System.getProperty("aspace.jar", "target/aspace.jar")).toAbsolutePath();
        assumeTrue(Files.isReadable(jar), jar + " is not built");
        return jar;
    }

    private record Result(int code, String out, String err) {
    }

    /** aspace from {@code jar} as user nobody, or procps when {@code jar} is null. */
    private static Result asNobody(Path jar, List<String> args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        cmd.addAll(jar == null ? List.of() : List.of(java, "-jar", jar.toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(Path.of("/tmp").toFile());
        pb.environment().put("HOME", "/tmp");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
