package dev.aspace.ui.aslr;

import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.ui.Background;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The experiment's state without a window, on real runs of /bin/sleep. */
class AslrViewModelTest {

    @Test
    void cancelStopsAfterTheRunInProgressAndAnalysesWhatWasDone() {
        AslrViewModel[] model = new AslrViewModel[1];
        AtomicInteger submitted = new AtomicInteger();
        // the user presses Cancel while the first run (the second piece of work, after reading
        // randomize_va_space) is going
        Background cancelDuringRunOne = new Background() {
            @Override
            public <T> void submit(Callable<T> work, Consumer<? super T> done, Consumer<? super Throwable> failed) {
                if (submitted.incrementAndGet() == 2) {
                    model[0].cancel();
                }
                Background.direct().submit(work, done, failed);
            }
        };
        model[0] = new AslrViewModel(new LinuxBackend(), cancelDuringRunOne);
        model[0].commandProperty().set("/bin/sleep 600");
        model[0].runsProperty().set(3);
        model[0].delayMsProperty().set(20);
        model[0].start();

        assertFalse(model[0].runningProperty().get());
        assertEquals(1, model[0].snapshotsProperty().get().size());
        assertEquals(1, model[0].reportProperty().get().runs(), "the one run done is analysed");
        assertEquals("stopped after 1 of 3 runs", model[0].statusProperty().get());
        assertEquals(3, submitted.get(), "the settings, one run and the analysis of it: no run was started after the cancel");
    }

    @Test
    void aBadSetupIsRefusedBeforeAnythingRuns() {
        AtomicInteger submitted = new AtomicInteger();
        Background counting = new Background() {
            @Override
            public <T> void submit(Callable<T> work, Consumer<? super T> done, Consumer<? super Throwable> failed) {
                submitted.incrementAndGet();
                Background.direct().submit(work, done, failed);
            }
        };
        AslrViewModel m = new AslrViewModel(new LinuxBackend(), counting);
        m.commandProperty().set("sleep '600");
        m.start();
        assertEquals("the command has an unclosed ' quote: close it, or leave the command empty for memory-user",
                m.statusProperty().get());
        assertEquals(0, submitted.get());
    }
}
