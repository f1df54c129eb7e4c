package dev.aspace.ui.view;

import dev.aspace.demo.MemoryUserController;
import dev.aspace.demo.Pointers;
import dev.aspace.model.Snapshot;
import dev.aspace.ui.ribbon.Pin;
import dev.aspace.ui.ribbon.RibbonView;
import dev.aspace.ui.vm.SessionModel;

import java.util.List;

/**
 * "Every address you see is virtual": the memory-user child's main, global, heap block and local
 * pinned on the ribbon while the child's address space is the one on screen.
 */
public final class PointerPins {

    public static final String GROUP = "pointers";

    private PointerPins() {
    }

    /** The four pins, in the words the lab uses. */
    public static List<Pin> of(Pointers p) {
        if (!p.known()) {
            return List.of();
        }
        return List.of(new Pin(p.code(), "main() is here"), new Pin(p.data(), "a global is here"),
                new Pin(p.heap(), "malloc'd block"), new Pin(p.stack(), "a local is here"));
    }

    /** Keeps the pins on the ribbon exactly while a read of the child is shown. */
    public static void install(SessionModel session, RibbonView ribbon, MemoryUserController child) {
        List<Pin> pins = of(child.pointers());
        Runnable follow = () -> {
            Snapshot s = session.getSnapshot();
            boolean childShown = s != null && s.process() != null && s.process().pid() == child.pid();
            ribbon.setPins(GROUP, childShown ? pins : List.of());
        };
        session.snapshotProperty().addListener((o, a, b) -> follow.run());
        follow.run();
    }
}
