package dev.aspace.demo;

import dev.aspace.backend.linux.PagemapReader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * --rate: a paced walk makes pages resident a few at a time (demand paging, watched page by
 * page), and in the end all of them.
 */
class PacedWalkTest {

    private static final long MB = 1024 * 1024;

    @Test
    void aPacedWalkFillsTheBlockGraduallyThenWholly() throws Exception {
        try (MemoryUserController c = MemoryUserController.start()) {
            Block b = c.allocate(BlockKind.MMAP, 32 * MB);
            PagemapReader pagemap = new PagemapReader();
            long pages = b.size() / 4096;
            assertEquals(0, present(pagemap, c, b), "nothing resident before the walk");

            c.walk(b, 16, 100);                    // 16 MB/s over 32 MB: about two seconds
            Thread.sleep(700);
            long midway = present(pagemap, c, b);
            assertTrue(midway > 0 && midway < pages, "part of the block is resident midway: " + midway + " of " + pages);

            long deadline = System.nanoTime() + 20_000_000_000L;
            while (present(pagemap, c, b) < pages && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(pages, present(pagemap, c, b), "every page resident after the walk");
        }
    }

    private static long present(PagemapReader pagemap, MemoryUserController c, Block b) {
        return pagemap.read(c.pid(), b.address(), b.end()).present().cardinality();
    }
}
