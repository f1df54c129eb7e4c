package dev.aspace.ui.vm;

import dev.aspace.backend.ProcessRow;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.testutil.LiveProcess;
import dev.aspace.ui.Background;
import dev.aspace.ui.files.ConfigFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The picker's list, count and remembered size, on this machine's real processes, without a window. */
class PickerModelTest {

    private final List<LiveProcess> sleeps = new ArrayList<>();
    @TempDir
    Path dir;

    @AfterEach
    void stopSleeps() {
        sleeps.forEach(LiveProcess::close);
    }

    @Test
    void afterFilteringTheCountSaysHowManyOfAll() {
        for (int i = 0; i < 8; i++) {
            sleeps.add(LiveProcess.start("sleep", Integer.toString(31_400 + i)));
        }
        PickerModel model = new PickerModel(new LinuxBackend()::processes, Background.direct());
        model.reload();
        int all = model.rows().size();
        assertTrue(model.statusProperty().get().startsWith(all + " processes"), model.statusProperty().get());
        model.filterProperty().set("sleep 3140");
        assertEquals(8, model.rows().size(), "the eight sleeps, told apart by their command lines: "
                + model.rows().stream().map(ProcessRow::command).toList());
        assertEquals(8, model.rows().stream().map(ProcessRow::command).distinct().count());
        assertTrue(model.statusProperty().get().startsWith("8 of " + all + " processes"), model.statusProperty().get());
        model.filterProperty().set("");
        assertTrue(model.statusProperty().get().startsWith(all + " processes"), model.statusProperty().get());
    }

    @Test
    void theSizeIsKeptForTheNextPicker() {
        PickerModel model = new PickerModel(List::of, Background.direct());
        assertNull(model.rememberedSize(), "nothing kept without a file");
        ConfigFile file = new ConfigFile(dir.resolve("aspace").resolve("picker-size"));
        PickerModel first = new PickerModel(List::of, Background.direct(), file);
        assertNull(first.rememberedSize(), "nothing kept yet");
        first.rememberSize(1111.4, 622.6);
        assertArrayEquals(new double[] {1111, 623}, new PickerModel(List::of, Background.direct(), file).rememberedSize());
    }
}
