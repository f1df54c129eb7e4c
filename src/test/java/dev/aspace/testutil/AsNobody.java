package dev.aspace.testutil;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs aspace's classes in a JVM as user nobody (setpriv), the real unprivileged path: the kernel
 * zeroes pagemap's frame numbers and refuses kpagecount and other users' smaps. The classes and
 * jars are copied where nobody can read them (the build's own lie in root's home).
 */
public final class AsNobody {

    /** The jars the CLI needs, by a class in each. */
    public static final List<String> CLI = List.of("com.sun.jna.Native", "picocli.CommandLine",
            "com.fasterxml.jackson.core.JsonFactory", "com.fasterxml.jackson.databind.ObjectMapper",
            "com.fasterxml.jackson.annotation.JsonProperty");

    /** And the window's, headless: JavaFX, Monocle, AtlantaFX. */
    public static final List<String> WINDOW = List.of("javafx.beans.property.Property", "javafx.application.Platform",
            "javafx.scene.control.Label", "com.sun.glass.ui.monocle.MonoclePlatformFactory", "atlantafx.base.theme.Styles");

    /** The JVM options of a headless JavaFX run (as surefire sets them). */
    public static final List<String> HEADLESS = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true");

    public record Result(int code, String out, String err) {

        /** The {@code key=value} lines of the output (a probe's report). */
        public Map<String, String> said() {
            Map<String, String> said = new HashMap<>();
            for (String line : out.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    said.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            return said;
        }
    }

    private AsNobody() {
    }

    /** Whether this test may switch to nobody: it runs as root and setpriv (util-linux) is there. */
    public static boolean possible() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/setpriv"));
    }

    /**
     * Copies target/classes, the test classes named (with their nested classes) and the jars holding
     * {@code jarsOf} into {@code dir}, readable by all; returns the class path.
     */
    public static String classpath(Path dir, List<String> jarsOf, List<Class<?>> testClasses)
            throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = dir.resolve("classes");
        copyTree(Path.of("target/classes"), classes);
        for (Class<?> c : testClasses) {
            String pkg = c.getPackageName().replace('.', '/');
            Path into = Files.createDirectories(classes.resolve(pkg));
            try (Stream<Path> files = Files.list(Path.of("target/test-classes", pkg))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    String name = f.getFileName().toString();
                    if (name.equals(c.getSimpleName() + ".class") || name.startsWith(c.getSimpleName() + "$")) {
                        Files.copy(f, into.resolve(name));
                    }
                }
            }
        }
        List<String> cp = new ArrayList<>(List.of(classes.toString()));
        for (String c : jarsOf) {
            Class<?> in = Class.forName(c, false, AsNobody.class.getClassLoader()); // JavaFX's must not start here
            Path jar = Paths.get(in.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path copy = dir.resolve(jar.getFileName());
            if (!Files.exists(copy)) {
                Files.copy(jar, copy);
            }
            cp.add(copy.toString());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(Files.isDirectory(f) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return String.join(":", cp);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    /** Runs {@code mainClass} with these JVM options and arguments as nobody, from /tmp, within {@code seconds}. */
    public static Result java(String cp, List<String> jvmOptions, String mainClass, List<String> args, long seconds)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", cp, mainClass));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(Path.of("/tmp").toFile());
        pb.environment().put("HOME", "/tmp");
        Process p = pb.start();
        p.getOutputStream().close();
        var err = p.getErrorStream();
        byte[][] e = new byte[1][];
        Thread drain = new Thread(() -> {
            try {
                e[0] = err.readAllBytes();
            } catch (IOException ex) {
                e[0] = new byte[0];
            }
        });
        drain.start();
        byte[] o = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(mainClass + " as nobody did not finish within " + seconds + " s");
        }
        drain.join();
        return new Result(p.exitValue(), new String(o, StandardCharsets.UTF_8), new String(e[0], StandardCharsets.UTF_8));
    }
}
