package dev.aspace.demo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sizes typed with or without a unit, and written in binary units. */
class SizesTest {

    @ParameterizedTest
    @CsvSource({"100, 104857600", "0.5, 524288", "100M, 104857600", "100MiB, 104857600", "100 MiB, 104857600",
            "1G, 1073741824", "1GiB, 1073741824", "512K, 524288", "512KiB, 524288", "4096B, 4096",
            "100MB, 100000000", "1GB, 1000000000", "8kB, 8000"})
    void aSizeIsReadWithItsUnitAndAPlainNumberIsMiB(String text, long bytes) {
        assertEquals(bytes, Sizes.parse(text, "Size"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "abc|Size: expected a size like 64M, 1G, 512K or 100MiB (a plain number is MiB), got 'abc'",
            "10X|Size: expected a size like 64M, 1G, 512K or 100MiB (a plain number is MiB), got '10X'",
            "-3|Size: expected a size like 64M, 1G, 512K or 100MiB (a plain number is MiB), got '-3'",
            "0|Size must be more than 0, got '0'",
            "200T|Size 200T is beyond the 128 TiB user address space"})
    void aBadSizeIsOneLineNamingTheFix(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sizes.parse(text, "Size"));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"104857600, 100.0 MiB", "524288, 512.0 KiB", "1073741824, 1.0 GiB", "12, 12 B", "-4096, -4.0 KiB"})
    void sizesAreWrittenInBinaryUnits(long bytes, String text) {
        assertEquals(text, Sizes.human(bytes));
        assertTrue(!text.contains("MB") && !text.contains("kB"));
    }
}
