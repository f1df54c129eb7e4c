package dev.aspace.frames;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** kpageflags words read on this machine, named as tools/mm/page-types.c -r names them. */
class PageFlagsTest {

    @Test
    void stableBitsHaveThePageTypesNames() {
        assertEquals("locked", PageFlags.name(0));
        assertEquals("anonymous", PageFlags.name(12));
        assertEquals("compound_head", PageFlags.name(15));
        assertEquals("ksm", PageFlags.name(21));
        assertEquals("thp", PageFlags.name(22));
        assertEquals("zero_page", PageFlags.name(24));
        assertEquals("idle_page", PageFlags.name(25));
        assertEquals("pgtable", PageFlags.name(26));
        assertEquals("mmap_exclusive", PageFlags.name(63));
        assertEquals("bit30", PageFlags.name(30));
    }

    @Test
    void anAnonymousPagesOwner2IsAnonExclusiveAndPagemapBitsAreAdded() {
        // uptodate, lru, mmap, anonymous, swapbacked, owner_2: a written page of a sleep process's heap
        long kpf = (1L << 3) | (1L << 5) | (1L << 11) | (1L << 12) | (1L << 14) | (1L << 34);
        long pme = PagemapEntry.PRESENT | PagemapEntry.EXCLUSIVE | 0x1272d1L;
        assertEquals(List.of("uptodate", "lru", "mmap", "anonymous", "swapbacked", "anon_exclusive", "mmap_exclusive"),
                PageFlags.names(PageFlags.expand(kpf, pme)));
    }

    @Test
    void aFilePageKeepsOwner2AndReclaimWithoutWritebackIsReadahead() {
        long kpf = (1L << 2) | (1L << 9) | (1L << 34);
        long pme = PagemapEntry.PRESENT | PagemapEntry.FILE_OR_SHARED_ANON | PagemapEntry.SOFT_DIRTY;
        assertEquals(List.of("referenced", "owner_2", "softdirty", "readahead", "file"),
                PageFlags.names(PageFlags.expand(kpf, pme)));
    }

    @Test
    void sharingReadsTheZeroPageKsmAndMapCount() {
        long present = PagemapEntry.PRESENT | 5;
        assertEquals(Sharing.ZERO, Sharing.of(present, 7, 1L << PageFlags.ZERO_PAGE, true));
        assertEquals(Sharing.KSM, Sharing.of(present, 3, 1L << PageFlags.KSM, true));
        assertEquals(Sharing.SHARED, Sharing.of(present, 2, 1L << PageFlags.THP, true));
        assertEquals(Sharing.THP, Sharing.of(present, 1, 1L << PageFlags.THP, true));
        assertEquals(Sharing.EXCLUSIVE, Sharing.of(present, 1, 0, true));
        assertEquals(Sharing.SWAPPED, Sharing.of(PagemapEntry.SWAPPED, 0, 0, true));
        assertEquals(Sharing.SHARED, Sharing.of(present, 0, 0, false));
        assertEquals(Sharing.EXCLUSIVE, Sharing.of(present | PagemapEntry.EXCLUSIVE, 0, 0, false));
    }
}
