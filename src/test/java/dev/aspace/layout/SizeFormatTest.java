package dev.aspace.layout;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SizeFormatTest {

    @Test
    void bytesInBinaryUnits() {
        assertEquals("0 B", SizeFormat.bytes(0));
        assertEquals("1023 B", SizeFormat.bytes(1023));
        assertEquals("4 KiB", SizeFormat.bytes(4096));
        assertEquals("1.5 GiB", SizeFormat.bytes(3L << 29));
        assertEquals("22.3 TiB", SizeFormat.bytes((long) (22.3 * (1L << 40))));
        assertEquals("128 TiB", SizeFormat.bytes(1L << 47));
        assertEquals("1 MiB", SizeFormat.bytes((1L << 20) - 1), "1023.999 KiB rounds up to the next unit");
        assertEquals("8 EiB", SizeFormat.bytes(Long.MIN_VALUE), "unsigned: 2^63");
        assertEquals("16.0 EiB", SizeFormat.bytes(-1L));
    }

    @Test
    void inclusiveRangesUpToTheWholeSpace() {
        assertEquals("16 EiB", SizeFormat.inclusive(0, -1L));
        assertEquals("4 KiB", SizeFormat.inclusive(0x1000, 0x1fff));
    }
}
