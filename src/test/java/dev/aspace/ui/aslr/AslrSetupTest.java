package dev.aspace.ui.aslr;

import dev.aspace.demo.AslrRunner;
import dev.aspace.demo.MemoryUserController;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AslrSetupTest {

    @Test
    void wordsAreSplitLikeAShellForSimpleLines() {
        assertEquals(List.of("/bin/sleep", "600"), CommandWords.split("  /bin/sleep   600 "));
        assertEquals(List.of("python3", "-c", "import time; time.sleep(60)"),
                CommandWords.split("python3 -c 'import time; time.sleep(60)'"));
        assertEquals(List.of("echo", "a \"b\" c", "d e"), CommandWords.split("echo \"a \\\"b\\\" c\" d\\ e"));
        assertEquals(List.of("x", ""), CommandWords.split("x ''"));
        assertEquals(List.of(), CommandWords.split("   "));
    }

    @Test
    void anUnclosedQuoteIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CommandWords.split("sleep '600"));
        assertThrows(IllegalArgumentException.class, () -> CommandWords.split("sleep 600\\"));
    }

    @Test
    void noCommandRunsMemoryUserUntilItSaysItIsReady() {
        AslrSetup s = AslrSetup.defaults();
        assertEquals(5, s.runs());
        assertEquals(List.of("memory-user"), s.label());
        AslrRunner.Options o = s.oneRun();
        assertEquals(AslrRunner.memoryUserCommand(), o.command());
        assertEquals(AslrRunner.MEMORY_USER_READY, o.readyLine());
        assertEquals(1, o.runs());
    }

    @Test
    void aCommandRunsAfterTheDelayOrWhenItPrintsTheReadyLine() {
        AslrSetup s = new AslrSetup(3, "/bin/sleep 600", 150, "", true);
        AslrRunner.Options o = s.oneRun();
        assertEquals(List.of("/bin/sleep", "600"), o.command());
        assertNull(o.readyLine());
        assertEquals(150, o.delay().toMillis());
        assertTrue(o.noAslr());
        assertEquals("go", new AslrSetup(3, "prog", 0, "go", false).oneRun().readyLine());
    }

    @Test
    void problemsAreOneLineWithTheLimits() {
        assertNull(AslrSetup.defaults().problem());
        assertEquals("runs must be between 1 and 100, got 0", new AslrSetup(0, "", 200, "", false).problem());
        assertTrue(new AslrSetup(2, "", -1, "", false).problem().startsWith("the delay must be"));
        assertTrue(new AslrSetup(2, "sleep '6", 0, "", false).problem().contains("unclosed ' quote"));
    }

    @Test
    void aMissingMemoryUserProgramIsAProblemNotACrash(@TempDir Path dir) {
        String before = System.getProperty(MemoryUserController.PROGRAM_PROPERTY);
        try {
            System.setProperty(MemoryUserController.PROGRAM_PROPERTY, dir.resolve("gone").toString());
            assertEquals("the memory-user program is missing: no executable " + dir.resolve("gone")
                    + " (mvn compile builds it with gcc; or name it with -Daspace.memoryUser=PATH)",
                    AslrSetup.defaults().problem());
            assertNull(new AslrSetup(2, "/bin/sleep 600", 0, "", false).problem(), "another command still runs");
        } finally {
            if (before == null) {
                System.clearProperty(MemoryUserController.PROGRAM_PROPERTY);
            } else {
                System.setProperty(MemoryUserController.PROGRAM_PROPERTY, before);
            }
        }
    }
}
