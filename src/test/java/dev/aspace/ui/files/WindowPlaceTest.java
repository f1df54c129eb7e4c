package dev.aspace.ui.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main window's remembered place: fitted to the screen it comes back on, read back as written. */
class WindowPlaceTest {

    private static final WindowPlace.Area LAPTOP = new WindowPlace.Area(0, 0, 1280, 800);
    private static final List<Double> DIVIDERS = List.of(0.34, 0.73, 0.55);

    @Test
    void theFirstPlaceOnALaptopIsItsWholeUsableArea() {
        WindowPlace p = WindowPlace.first(1500, 940, new WindowPlace.Area(0, 27, 1280, 773), DIVIDERS);
        assertEquals(new WindowPlace(0, 27, 1280, 773, false, DIVIDERS), p);
    }

    @Test
    void theFirstPlaceOnALargeScreenIsThePreferredSizeCentred() {
        WindowPlace p = WindowPlace.first(1500, 940, new WindowPlace.Area(0, 0, 1920, 1080), DIVIDERS);
        assertEquals(new WindowPlace(210, 70, 1500, 940, false, DIVIDERS), p);
    }

    @Test
    void aPlaceRememberedOnALargerScreenShrinksAndMovesOntoTheSmallerOne() {
        WindowPlace big = new WindowPlace(1800, 900, 1500, 940, false, DIVIDERS);
        assertEquals(new WindowPlace(0, 0, 1280, 800, false, DIVIDERS), big.within(LAPTOP));
        WindowPlace offLeft = new WindowPlace(-500, -40, 900, 600, true, DIVIDERS);
        assertEquals(new WindowPlace(0, 0, 900, 600, true, DIVIDERS), offLeft.within(LAPTOP));
    }

    @Test
    void aPlaceReadsBackAsItWasWritten(@TempDir Path dir) throws Exception {
        WindowPlace p = new WindowPlace(12, 34, 1100, 700, false, List.of(0.3, 0.7, 0.5));
        ConfigFile file = new ConfigFile(dir.resolve("aspace").resolve("main-window"));
        file.write(p.format());
        assertEquals(Optional.of(p), file.read().flatMap(WindowPlace::parse));
    }

    @Test
    void aDamagedFileRestoresNothing() {
        assertTrue(WindowPlace.parse("x=1\ny=2\nwidth=wide\nheight=3").isEmpty());
        assertTrue(WindowPlace.parse("x=1\ny=2\nwidth=800\nheight=600\ndividers=0.3,7").isEmpty());
        assertTrue(WindowPlace.parse("").isEmpty());
    }
}
