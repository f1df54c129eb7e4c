package dev.aspace.backend.jna;

import com.sun.jna.NativeLibrary;
import org.junit.jupiter.api.Test;

import java.util.Collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LibCTest {

    @Test
    void libcLoadsAndAnswers() {
        assertEquals(ProcessHandle.current().pid(), LibC.INSTANCE.getpid());
    }

    /**
     * JNA fills its list of library directories from "ldconfig -p" (a process run at the first
     * load) unless jna.platform.library.path is set; LibC sets it empty, so the list stays empty.
     */
    @Test
    void jnaSearchesNoLibraryDirectoriesSoItNeverRunsLdconfig() throws ReflectiveOperationException {
        LibC.INSTANCE.getpid();
        assertEquals("", System.getProperty("jna.platform.library.path"));
        var field = NativeLibrary.class.getDeclaredField("librarySearchPath");
        field.setAccessible(true);
        Collection<?> dirs = (Collection<?>) field.get(null);
        assertTrue(dirs.isEmpty(), "JNA's library directories: " + dirs);
    }
}
