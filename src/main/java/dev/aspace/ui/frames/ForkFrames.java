package dev.aspace.ui.frames;

import dev.aspace.backend.FrameBackend;
import dev.aspace.demo.Block;
import dev.aspace.demo.BlockKind;
import dev.aspace.demo.MemoryUserController;
import dev.aspace.model.Perms;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import javafx.stage.Window;

/**
 * The fork experiment at the frame level: the memory-user's block beside the same pages of its
 * newest fork in the physical view, refreshed while the fork writes, so copy-on-write shows as
 * the frames both use fall away page by page.
 */
public final class ForkFrames {

    private ForkFrames() {
    }

    /** Shows the pair for this block (raises it when it shows that block already). */
    public static void show(Window owner, FrameBackend backend, MemoryUserController child, Block block) {
        Region range = range(block, backend.pageSize());
        if (!FramesWindow.raise(child.pid(), range)) {
            FramesWindow.show(owner, backend, child.pid(), range, child::forks);
        }
    }

    /** The block's pages as a region: whole pages, labelled with the block. */
    static Region range(Block b, long page) {
        long start = b.address() - Long.remainderUnsigned(b.address(), page);
        long end = b.end() + (page - Long.remainderUnsigned(b.end(), page)) % page;
        boolean shared = b.kind() == BlockKind.FILE || b.kind() == BlockKind.SHM;
        return new Region(start, end, Perms.parse(shared ? "rw-s" : "rw-p"), 0, "", 0, b.path(), null,
                RegionKind.UNCLASSIFIED, "block " + b.id());
    }
}
