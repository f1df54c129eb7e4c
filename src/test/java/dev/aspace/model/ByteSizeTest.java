package dev.aspace.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ByteSizeTest {

    @Test
    void wholeUnitsHaveNoDecimals() {
        assertEquals("4 KiB", ByteSize.format(4096));
        assertEquals("1 GiB", ByteSize.format(1L << 30));
        assertEquals("128 TiB", ByteSize.format(1L << 47));
    }

    @Test
    void fractionsKeepOneDecimal() {
        assertEquals("1.5 GiB", ByteSize.format(3L << 29));
        assertEquals("22.3 TiB", ByteSize.format((long) (22.3 * (1L << 40))));
    }

    @Test
    void smallCountsAreBytes() {
        assertEquals("0 B", ByteSize.format(0));
        assertEquals("1023 B", ByteSize.format(1023));
    }

    @Test
    void deltasCarryTheirSign() {
        assertEquals("+64 MiB", ByteSize.delta(64L << 20));
        assertEquals("-4 KiB", ByteSize.delta(-4096));
        assertEquals("±0 B", ByteSize.delta(0));
    }

    @Test
    void unsignedLengthsBeyondLongMaxAreExabytes() {
        assertEquals("16.0 EiB", ByteSize.formatUnsigned(-1L));
    }
}
