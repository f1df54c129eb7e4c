package dev.aspace.snapshot;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BackgroundDeflateTest {

    @Test
    void textLargerThanManyBuffersComesBackByteForByte() throws IOException {
        byte[] text = new byte[BackgroundDeflate.BUFFER * 9 + 12_345];
        Random random = new Random(17);
        for (int i = 0; i < text.length; i++) {
            text[i] = (byte) ('a' + random.nextInt(6)); // compressible, like JSON
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (OutputStream z = Compression.compress(file)) {
            int at = 0;
            while (at < text.length) { // in the odd pieces a JSON generator writes
                int k = Math.min(text.length - at, 1 + random.nextInt(9000));
                z.write(text, at, k);
                at += k;
            }
            z.write('!');
        }
        byte[] back = new GZIPInputStream(new ByteArrayInputStream(file.toByteArray())).readAllBytes();
        byte[] expected = Arrays.copyOf(text, text.length + 1);
        expected[text.length] = '!';
        assertArrayEquals(expected, back);
    }

    @Test
    void aSmallTextComesBack() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (OutputStream z = Compression.compress(file)) {
            z.write("{\"a\":1}".getBytes(StandardCharsets.US_ASCII));
        }
        byte[] back = new GZIPInputStream(new ByteArrayInputStream(file.toByteArray())).readAllBytes();
        assertArrayEquals("{\"a\":1}".getBytes(StandardCharsets.US_ASCII), back);
    }

    @Test
    void aFailureOfTheFileOnTheCompressingThreadReachesTheWriter() {
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        byte[] text = new byte[BackgroundDeflate.BUFFER * 6];
        new Random(3).nextBytes(text); // incompressible: the deflater writes out at once
        IOException e = assertThrows(IOException.class, () -> {
            try (OutputStream z = Compression.compress(full)) {
                z.write(text);
            }
        });
        Assertions.assertTrue(String.valueOf(e.getMessage()).contains("No space left"), e.getMessage());
    }
}
