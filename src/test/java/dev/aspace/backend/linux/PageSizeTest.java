package dev.aspace.backend.linux;

import dev.aspace.backend.jna.NativeSystem;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PageSizeTest {

    @Test
    void thePageSizeFromAuxvIsWhatSysconfAndGetconfSay() throws Exception {
        Process p = new ProcessBuilder("getconf", "PAGESIZE").start();
        long getconf = Long.parseLong(new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim());
        assertEquals(0, p.waitFor());
        long fromAuxv = PageSize.fromAuxv(Files.readAllBytes(Path.of("/proc/self/auxv")), ByteOrder.nativeOrder(), 8);
        assertEquals(getconf, fromAuxv);
        assertEquals(NativeSystem.pageSize(), fromAuxv);
        assertEquals(getconf, PageSize.get());
    }

    @Test
    void aVectorWithoutPageSizeGivesMinusOne() throws Exception {
        byte[] auxv = Files.readAllBytes(Path.of("/proc/self/auxv"));
        byte[] cut = Arrays.copyOf(auxv, 16); // one pair, not AT_PAGESZ on Linux (AT_SYSINFO_EHDR first)
        long first = ByteBuffer.wrap(auxv).order(ByteOrder.nativeOrder()).getLong(0);
        if (first != PageSize.AT_PAGESZ) {
            assertEquals(-1, PageSize.fromAuxv(cut, ByteOrder.nativeOrder(), 8));
        }
        assertEquals(-1, PageSize.fromAuxv(new byte[16], ByteOrder.nativeOrder(), 8)); // AT_NULL ends it
    }
}
