package dev.aspace.snapshot.series;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.aspace.model.MalformedInputException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The first line of a series file: what it is, when recording began, the interval and size cap
 * it was recorded with, and which process. docs/snapshot-format.md, "Recorded series".
 *
 * @param startedAt when recording began
 * @param every     the interval between frames the recorder aimed at
 * @param maxBytes  the size cap of the whole file, header included
 * @param pid       the recorded process
 * @param comm      its short name
 */
public record SeriesHeader(Instant startedAt, Duration every, long maxBytes, int pid, String comm, int version) {

    public static final String FORMAT = "aspace-series";
    /**
     * The version written: frames as records, most of them holding only changes, their rows a block
     * of numbers. Version 2 (rows as JSON) and version 1 (JSON lines) are read.
     */
    public static final int VERSION = 3;
    /** The header is a few hundred bytes; a first line longer than this is not a series. */
    static final int MAX_LENGTH = 64 * 1024;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(4).maxNumberLength(20).maxStringLength(4096).maxNameLength(256)
                    .maxDocumentLength(MAX_LENGTH).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** A header for a new recording, in the version written. */
    public SeriesHeader(Instant startedAt, Duration every, long maxBytes, int pid, String comm) {
        this(startedAt, every, maxBytes, pid, comm, VERSION);
    }

    public SeriesHeader {
        Objects.requireNonNull(startedAt);
        Objects.requireNonNull(every);
        Objects.requireNonNull(comm);
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("the interval must be positive, got " + every);
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("the size cap must be positive, got " + maxBytes);
        }
    }

    /** The header as one line of compact JSON, ending in '\n'. */
    byte[] toLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", version);
            g.writeStringField("startedAt", startedAt.toString());
            g.writeStringField("every", every.toString());
            g.writeNumberField("maxBytes", maxBytes);
            g.writeNumberField("pid", pid);
            g.writeStringField("comm", comm);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * Reads the first line (without its '\n').
     *
     * @throws MalformedInputException not a series header, another version, a field missing or wrong
     */
    static SeriesHeader parse(byte[] line, String source) {
        Fields f = new Fields();
        try (JsonParser p = FACTORY.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw bad(source, "not an aspace series: expected a JSON object with \"format\": \"" + FORMAT + "\"");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                f.read(name, p, source);
            }
            if (p.nextToken() != null) {
                throw bad(source, "unexpected content after the header object ends");
            }
        } catch (JsonProcessingException e) {
            throw bad(source, "not an aspace series header: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f.build(source);
    }

    private static final class Fields {
        String format;
        Long version;
        Instant startedAt;
        Duration every;
        Long maxBytes;
        Long pid;
        String comm;

        void read(String name, JsonParser p, String source) throws IOException {
            switch (name) {
                case "format" -> format = text(p, name, source);
                case "version" -> version = number(p, name, source);
                case "startedAt" -> {
                    try {
                        startedAt = Instant.parse(text(p, name, source));
                    } catch (DateTimeParseException e) {
                        throw bad(source, "'startedAt' is not an ISO-8601 instant like \"2026-11-25T07:12:47Z\"");
                    }
                }
                case "every" -> {
                    try {
                        every = Duration.parse(text(p, name, source));
                    } catch (DateTimeParseException e) {
                        throw bad(source, "'every' is not an ISO-8601 duration like \"PT1S\"");
                    }
                }
                case "maxBytes" -> maxBytes = number(p, name, source);
                case "pid" -> pid = number(p, name, source);
                case "comm" -> comm = text(p, name, source);
                default -> p.skipChildren(); // fields a later writer may add
            }
        }

        SeriesHeader build(String source) {
            if (!FORMAT.equals(format)) {
                throw bad(source, "not an aspace series: expected \"format\": \"" + FORMAT + "\""
                        + (format == null ? "" : ", got \"" + shorten(format) + "\""));
            }
            if (version == null || version < 1 || version > VERSION) {
                throw bad(source, version == null ? "missing field 'version' (expected " + VERSION + ")"
                        : "version " + version + " is not supported: this aspace reads versions 1 to " + VERSION);
            }
            if (startedAt == null || every == null || maxBytes == null || pid == null || comm == null) {
                throw bad(source, "missing field: the header needs startedAt, every, maxBytes, pid and comm");
            }
            if (every.isNegative() || every.isZero() || maxBytes <= 0 || pid < 0 || pid > Integer.MAX_VALUE) {
                throw bad(source, "'every', 'maxBytes' and 'pid' must be positive");
            }
            return new SeriesHeader(startedAt, every, maxBytes, (int) (long) pid, comm, (int) (long) version);
        }
    }

    private static String text(JsonParser p, String name, String source) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw bad(source, "'" + name + "' must be a string");
        }
        return p.getText();
    }

    private static long number(JsonParser p, String name, String source) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw bad(source, "'" + name + "' must be a whole number");
        }
        return p.getLongValue();
    }

    private static MalformedInputException bad(String source, String problem) {
        return new MalformedInputException(source, "line 1", problem);
    }

    private static String firstLine(String m) {
        String s = m == null ? "" : m.lines().findFirst().orElse("");
        return shorten(s);
    }

    static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
