package dev.aspace.cli;

import org.junit.jupiter.api.Assertions;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs the real procps binaries and aspace in-process, for parity tests. */
final class ProcpsRun {

    private ProcpsRun() {
    }

    /** True when the procps binary is installed (CI machines without procps skip parity tests). */
    static boolean has(String binary) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (new File(dir, binary).canExecute()) {
                return true;
            }
        }
        return false;
    }

    /** Output of a real command, in the C locale as a script would see it. */
    static String real(List<String> command) {
        return run(command, ProcessBuilder.Redirect.INHERIT).out();
    }

    /** A real command's exit code, standard output and standard error, in the C locale. */
    static Result realWithErr(List<String> command) {
        return withErrFile(command, Map.of());
    }

    private static Result withErrFile(List<String> command, Map<String, String> env) {
        try {
            File errFile = File.createTempFile("procps-err", ".txt");
            try {
                Result r = run(command, ProcessBuilder.Redirect.to(errFile), env);
                return new Result(r.code(), r.out(), Files.readString(errFile.toPath()));
            } finally {
                Files.deleteIfExists(errFile.toPath());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        }
    }

    private static Result run(List<String> command, ProcessBuilder.Redirect err) {
        return run(command, err, Map.of());
    }

    /** Runs a command in the C locale; its standard error goes where {@code err} says. */
    private static Result run(List<String> command, ProcessBuilder.Redirect err, Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(err);
            pb.environment().put("LC_ALL", "C");
            pb.environment().putAll(env);
            Process p = pb.start();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = readAll(in);
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " did not finish");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), "");
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(1 << 16);
        in.transferTo(b);
        return b.toByteArray();
    }

    /** aspace's output and exit code, run in this JVM. */
    record Result(int code, String out, String err) {
        List<String> lines() {
            return ProcpsRun.lines(out);
        }
    }

    static Result aspace(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AspaceCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * aspace's output as a separate process (java, this test's class path, the C locale): what
     * a user's shell gets, bytes written to standard output included.
     */
    /** Runs aspace in-process and fails the test, with its stderr, unless it exits 0. */
    static Result aspaceOk(String... args) {
        Result r = aspace(args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
        return r;
    }

    static Result aspaceProcess(List<String> args) {
        return aspaceProcess(args, Map.of());
    }

    /** As above, with these environment variables set too. */
    static Result aspaceProcess(List<String> args, Map<String, String> env) {
        return withErrFile(aspaceCommand(args), env);
    }

    /** The command line that runs aspace as its own process. */
    static List<String> aspaceCommand(List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.aspace.Launcher"));
        command.addAll(args);
        return command;
    }

    static Result aspace(List<String> args) {
        return aspace(args.toArray(String[]::new));
    }

    static List<String> lines(String text) {
        List<String> l = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!l.isEmpty() && l.get(l.size() - 1).isEmpty()) {
            l.remove(l.size() - 1);
        }
        return l;
    }

    /** A user error: the exit code, nothing on stdout, one line on stderr naming each of {@code mentions}, no stack trace. */
    static void assertOneLine(Result r, int code, String... mentions) {
        Assertions.assertEquals(code, r.code(), r.err());
        Assertions.assertEquals("", r.out(), "nothing on stdout");
        Assertions.assertEquals(1, lines(r.err()).size(), "one line on stderr: " + r.err());
        Assertions.assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        for (String m : mentions) {
            Assertions.assertTrue(r.err().contains(m), "stderr names " + m + ": " + r.err());
        }
    }
}
