package dev.aspace.ui.vm;

import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.model.ProcessGoneException;
import dev.aspace.ui.Background;
import dev.aspace.ui.StatProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bug in the window leaves its stack trace in a file the banner names; a user's error stays one line. */
class ErrorLogTest {

    @Test
    void theStateDirectoryFollowsXdgStateHomeElseTheHomeDefault() {
        assertEquals(Path.of("/x/state/aspace"), ErrorLog.stateDir(Map.of("XDG_STATE_HOME", "/x/state"), "/home/u"));
        assertEquals(Path.of("/home/u/.local/state/aspace"), ErrorLog.stateDir(Map.of(), "/home/u"));
        // the XDG spec: a relative path is invalid and ignored
        assertEquals(Path.of("/home/u/.local/state/aspace"),
                ErrorLog.stateDir(Map.of("XDG_STATE_HOME", "rel/state"), "/home/u"));
    }

    @Test
    void anUnexpectedErrorIsLoggedWithItsStackTraceAndTheBannerSaysWhere(@TempDir Path dir) throws Exception {
        Path log = ErrorLog.toFile(dir.resolve("state"));
        IllegalStateException bug = new IllegalStateException("layout lost its rows");
        String line = ErrorLog.describe(bug);
        assertEquals("Unexpected error: IllegalStateException: layout lost its rows — stack trace in " + log, line);
        String logged = Files.readString(log);
        assertTrue(logged.contains("java.lang.IllegalStateException: layout lost its rows"), logged);
        assertTrue(logged.contains("at dev.aspace.ui.vm.ErrorLogTest.anUnexpectedErrorIsLogged"), logged);
    }

    @Test
    void aUsersErrorIsOneLineAndNotLogged(@TempDir Path dir) throws Exception {
        Path log = ErrorLog.toFile(dir.resolve("state"));
        assertEquals("process 42 has gone", ErrorLog.describe(new ProcessGoneException(42, "process 42 has gone", null)));
        assertEquals("NoSuchFileException: /tmp/x.json", ErrorLog.describe(new NoSuchFileException("/tmp/x.json")));
        assertFalse(Files.readString(log).contains("has gone"));
    }

    @Test
    void theSessionsBannerCarriesTheLogsName(@TempDir Path dir) throws IOException {
        Path log = ErrorLog.toFile(dir);
        LinuxBackend backend = new LinuxBackend();
        SessionModel session = new SessionModel(backend, Background.direct(), new StatProbe(backend),
                System::nanoTime);
        session.reportError(new NullPointerException("row"));
        assertTrue(session.errorProperty().get().endsWith("stack trace in " + log), session.errorProperty().get());
    }
}
