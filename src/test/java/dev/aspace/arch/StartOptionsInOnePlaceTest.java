package dev.aspace.arch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The -Daspace.* start options are read in one class, StartOptions, and handed to the parts
 * that need them: no other main class reads a system property named aspace.*. Bytecode does not
 * keep which key a call reads, so this reads the sources: every system-property read whose key
 * is not a plain literal outside aspace.* (a literal aspace.* key, or a key held in a constant
 * or variable) counts, as does taking all the properties at once.
 */
class StartOptionsInOnePlaceTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path THE_ONE = Path.of("dev/aspace/start/StartOptions.java");
    private static final Pattern READ = Pattern.compile(
            "\\b(?:System\\s*\\.\\s*getProperty|Boolean\\s*\\.\\s*getBoolean|Integer\\s*\\.\\s*getInteger"
                    + "|Long\\s*\\.\\s*getLong)\\s*\\(\\s*([^,)]*)|\\bSystem\\s*\\.\\s*getProperties\\s*\\(");
    private static final Pattern OTHER_LITERAL = Pattern.compile("\"(?!aspace\\.)[^\"]*\"\\s*");

    /** "File:line: the read" for each read of an aspace.* property (or of an unknown key) under {@code root}. */
    static List<String> readsOutsideStartOptions(Path root) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (root.relativize(f).equals(THE_ONE)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = READ.matcher(lines.get(i));
                    while (m.find()) {
                        String key = m.group(1);
                        if (key == null || !OTHER_LITERAL.matcher(key).matches()) {
                            found.add(root.relativize(f) + ":" + (i + 1) + ": " + m.group().strip());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    @Test
    void onlyStartOptionsReadsAspaceSystemProperties() {
        assertEquals(List.of(), readsOutsideStartOptions(MAIN),
                "read these through dev.aspace.start.StartOptions and pass the value in");
    }

    @Test
    void theScanFindsEachFormOfRead(@TempDir Path dir) throws IOException {
        Path pkg = Files.createDirectories(dir.resolve("dev/aspace/x"));
        Files.writeString(pkg.resolve("Reads.java"), String.join("\n",
                "class Reads {",
                "  String a = System.getProperty(\"aspace.frames\", \"\");",
                "  boolean b = Boolean.getBoolean(\"aspace.dark\");",
                "  int c = Integer.getInteger(\"aspace.lab\", 0);",
                "  long d = Long.getLong(\"aspace.screenshotDelay\", 1500);",
                "  String e = System.getProperty(KEY);",
                "  Object f = System.getProperties();",
                "  String fine = System.getProperty(\"user.home\");",
                "}"));
        Files.createDirectories(dir.resolve("dev/aspace/start"));
        Files.writeString(dir.resolve(THE_ONE), "class StartOptions { String a = System.getProperty(\"aspace.pid\"); }");
        List<String> found = readsOutsideStartOptions(dir);
        assertEquals(6, found.size(), found.toString());
        assertEquals("dev/aspace/x/Reads.java:2: System.getProperty(\"aspace.frames\"", found.get(0));
    }
}
