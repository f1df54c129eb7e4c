package dev.aspace.demo;

import java.time.Duration;
import dev.aspace.testutil.Await;
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
            long midway = Await.until("some of the block resident", Duration.ofSeconds(20),
                    () -> present(pagemap, c, b), n -> n > 0);
            assertTrue(midway > 0 && midway < pages, "part of the block is resident midway: " + midway + " of " + pages);

            Await.until("every page resident after the walk", Duration.ofSeconds(20),
                    () -> present(pagemap, c, b) == pages);
        }
    }

    private static long present(PagemapReader pagemap, MemoryUserController c, Block b) {
        return pagemap.read(c.pid(), b.address(), b.end()).present().cardinality();
    }
}
