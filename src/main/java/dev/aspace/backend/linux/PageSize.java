package dev.aspace.backend.linux;

import dev.aspace.backend.jna.NativeSystem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * This machine's page size, from the kernel's auxiliary vector of this process
 * ({@code /proc/self/auxv}, AT_PAGESZ): the value sysconf(_SC_PAGESIZE) returns, without
 * loading JNA, which costs a cold CLI run about 0.2 s. Falls back to sysconf when the vector
 * cannot be read.
 */
public final class PageSize {

    /** AT_PAGESZ in elf.h. */
    static final long AT_PAGESZ = 6;

    private static volatile long known;

    private PageSize() {
    }

    public static long get() {
        long size = known;
        if (size == 0) {
            size = read();
            known = size;
        }
        return size;
    }

    private static long read() {
        try {
            long size = fromAuxv(ProcFiles.read(Path.of("/proc/self/auxv")), ByteOrder.nativeOrder(), 8);
            if (size > 0) {
                return size;
            }
        } catch (IOException | RuntimeException e) {
            // a /proc without auxv: libc knows
        }
        return NativeSystem.pageSize();
    }

    /**
     * AT_PAGESZ's value in an auxiliary vector (pairs of type and value, each one word, ended by
     * AT_NULL), or -1 when it has none.
     */
    static long fromAuxv(byte[] auxv, ByteOrder order, int word) {
        ByteBuffer b = ByteBuffer.wrap(auxv).order(order);
        for (int at = 0; at + 2 * word <= auxv.length; at += 2 * word) {
            long type = word == 8 ? b.getLong(at) : Integer.toUnsignedLong(b.getInt(at));
            long value = word == 8 ? b.getLong(at + word) : Integer.toUnsignedLong(b.getInt(at + word));
            if (type == 0) {
                return -1;
            }
            if (type == AT_PAGESZ) {
                return value;
            }
        }
        return -1;
    }
}
