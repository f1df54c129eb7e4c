package dev.aspace.ui.experiments;

import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.demo.BlockKind;
import dev.aspace.demo.ExperimentResult;
import dev.aspace.demo.MemoryUserController;
import dev.aspace.demo.Sizes;
import dev.aspace.model.Region;
import dev.aspace.ui.Background;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The allocation panel's state and actions on a real memory-user child, without a window (Background.direct()). */
class AllocationModelTest {

    private MemoryUserController child;
    private AllocationModel model;
    private final List<ExperimentResult> heard = new ArrayList<>();

    @BeforeEach
    void start() {
        child = MemoryUserController.start();
        model = new AllocationModel(child, new LinuxBackend(), Background.direct(), heard::add);
    }

    @AfterEach
    void stop() {
        child.close();
    }

    @Test
    void aSizeWithAUnitAllocatesThatManyBytesAndTheLogSaysItInMiB() {
        model.sizeProperty().set("24M");
        model.touchProperty().set(AllocationModel.TouchChoice.NONE);
        model.allocate();
        assertEquals("", model.errorProperty().get());
        assertEquals(1, model.blocks().size());
        assertEquals(24 * Sizes.MIB, model.blocks().get(0).size());
        assertSame(model.blocks().get(0), model.selectedBlockProperty().get(), "the new block is chosen");
        Region focus = heard.get(0).focus().orElseThrow();
        assertEquals(24 * Sizes.MIB, focus.size(), "the kernel's mapping is the size asked for");
        String log = model.logProperty().get();
        assertTrue(log.startsWith("Expected: A new anonymous rw-p region of 24.0 MiB"), log);
        assertTrue(log.contains("\nMeasured:\n"), log);
        assertTrue(log.contains("24.0 MiB"), log);
        assertFalse(log.contains(" MB") || log.contains(" kB"), "binary units only: " + log);
        assertFalse(model.busyProperty().get());
    }

    @Test
    void aPlainNumberIsMiBAndTouchFirstKPercentMakesThatMuchResident() {
        model.sizeProperty().set("8");
        model.touchProperty().set(AllocationModel.TouchChoice.FIRST);
        model.percentProperty().set(50);
        model.allocate();
        Region focus = heard.get(0).focus().orElseThrow();
        assertEquals(8 * Sizes.MIB, focus.size());
        assertEquals(4 * Sizes.MIB, focus.rss(), "half the block touched: " + heard.get(0).lines());
    }

    @Test
    void theLogKeepsEarlierResultsBelowTheNewest() {
        model.sizeProperty().set("4M");
        model.allocate();
        model.startThread();
        String log = model.logProperty().get();
        int thread = log.indexOf("Expected: A new thread stack");
        int mmap = log.indexOf("Expected: A new anonymous rw-p region of 4.0 MiB");
        assertTrue(thread >= 0 && mmap > thread, "newest first: " + log);
        assertTrue(log.contains("an rw-p region of " + Sizes.human(child.facts().threadStack())), log);
    }

    @Test
    void aBadSizeIsRefusedInPlaceAndNothingRuns() {
        model.sizeProperty().set("12 parsecs");
        model.allocate();
        assertTrue(model.errorProperty().get().startsWith("Size: expected a size like 64M, 1G"), model.errorProperty().get());
        assertTrue(child.blocks().isEmpty());
        assertEquals("", model.logProperty().get());
    }

    @Test
    void aBlockActionWithoutABlockSaysWhatToDo() {
        model.free();
        assertEquals("Select a block in the list first (allocate one if there is none).", model.errorProperty().get());
        assertNull(model.lastResultProperty().get());
    }

    @Test
    void freeingTheChosenBlockTakesItOffTheList() {
        model.sizeProperty().set("2M");
        model.viaProperty().set(BlockKind.MMAP);
        model.allocate();
        model.free();
        assertTrue(model.blocks().isEmpty());
        assertNull(model.selectedBlockProperty().get());
        assertTrue(model.logProperty().get().startsWith("Expected: The block goes back"), model.logProperty().get());
    }
}
