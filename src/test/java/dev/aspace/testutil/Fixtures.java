package dev.aspace.testutil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text captured from real machines: {@code src/test/resources/fixtures} (copied from
 * shared/fixtures; SOURCES.md there says where each came from).
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path path(String name) {
        Path p = Path.of("src/test/resources/fixtures", name);
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("no fixture " + p.toAbsolutePath());
        }
        return p;
    }

    public static String text(String name) {
        try {
            return Files.readString(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
