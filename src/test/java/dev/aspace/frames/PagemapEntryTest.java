package dev.aspace.frames;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Entries as this machine's kernel wrote them (read from /proc/PID/pagemap as root, values kept). */
class PagemapEntryTest {

    /** A present anonymous page of a sleep process: PFN 0x1272d1, exclusively mapped. */
    private static final long PRESENT_EXCLUSIVE = 0x81000000001272d1L;
    /** A present page of libc's text mapped by 50 processes: file page, not exclusive. */
    private static final long PRESENT_FILE = 0xa000000000103d01L;

    @Test
    void presentPageGivesItsFrameNumberAndBits() {
        PagemapEntry e = new PagemapEntry(PRESENT_EXCLUSIVE);
        assertTrue(e.present());
        assertFalse(e.swapped());
        assertEquals(0x1272d1L, e.pfn());
        assertTrue(e.exclusive());
        assertFalse(e.fileOrSharedAnon());
        assertFalse(e.softDirty());
        assertEquals(-1, e.swapType());
        PagemapEntry f = new PagemapEntry(PRESENT_FILE);
        assertEquals(0x103d01L, f.pfn());
        assertTrue(f.fileOrSharedAnon());
        assertFalse(f.exclusive());
    }

    @Test
    void swappedPageGivesSwapTypeAndOffsetNotAFrame() {
        long raw = PagemapEntry.SWAPPED | PagemapEntry.SOFT_DIRTY | (0x1234L << 5) | 2;
        PagemapEntry e = new PagemapEntry(raw);
        assertFalse(e.present());
        assertEquals(0, e.pfn());
        assertEquals(2, e.swapType());
        assertEquals(0x1234L, e.swapOffset());
        assertTrue(e.softDirty());
        assertTrue(PagemapEntry.isPopulated(raw));
        assertFalse(PagemapEntry.isPopulated(0));
    }

    @Test
    void withoutThePrivilegeTheKernelZeroesOnlyTheFrameNumber() {
        long unprivileged = PRESENT_EXCLUSIVE & ~PagemapEntry.PFN_MASK;
        PagemapEntry e = new PagemapEntry(unprivileged);
        assertTrue(e.present());
        assertTrue(e.exclusive());
        assertEquals(0, e.pfn());
    }

    @Test
    void entriesDecodeInNativeOrderAndDropATrailingPartialValue() {
        ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder());
        b.putLong(PRESENT_EXCLUSIVE).putLong(PRESENT_FILE).putInt(7).flip();
        long[] out = new long[4];
        assertEquals(2, U64Entries.decode(b, out, 1));
        assertArrayEquals(new long[] {0, PRESENT_EXCLUSIVE, PRESENT_FILE, 0}, out);
    }
}
