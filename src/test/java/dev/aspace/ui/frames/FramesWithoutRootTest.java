package dev.aspace.ui.frames;

import dev.aspace.backend.FrameBackend;
import dev.aspace.backend.linux.ShareReader;
import dev.aspace.testutil.AsNobody;
import dev.aspace.testutil.LiveProcess;
import dev.aspace.testutil.RawFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The frames views as user nobody, for real (the kernel zeroes frame numbers, kpagecount is root's,
 * other users' smaps are refused): each says what it cannot show and why, and shows what pagemap
 * still gives (present, mapped once or more, swapped). Beside the probe runs another process of
 * nobody's mapping libc, so the physical view has a pair to compare.
 */
class FramesWithoutRootTest {

    @Test
    void asNobodyEachFramesViewSaysFrameNumbersNeedCapSysAdminAndShowsWhatPagemapGives(@TempDir Path dir)
            throws Exception {
        assumeTrue(AsNobody.possible(), "needs root and setpriv (util-linux) to switch to nobody");
        String cp = AsNobody.classpath(dir, Stream.concat(AsNobody.CLI.stream(), AsNobody.WINDOW.stream()).toList(),
                List.of(WithoutRootProbe.class, RawFrames.class));
        try (LiveProcess other = LiveProcess.start("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                "sleep", "600")) {
            other.awaitExec("sleep");
            AsNobody.Result r = AsNobody.java(cp, AsNobody.HEADLESS, WithoutRootProbe.class.getName(), List.of(), 240);
            assertEquals(0, r.code(), r.out() + r.err());
            Map<String, String> said = new HashMap<>();
            for (String line : r.out().split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    said.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }

            assertTrue(said.get("caption").startsWith("Frames: " + FrameBackend.NO_FRAME_NUMBERS), said.get("caption"));
            assertTrue(said.get("privilege").startsWith("Without root: frame numbers need CAP_SYS_ADMIN (root)"),
                    said.get("privilege"));
            assertTrue(said.get("summary").contains("pid " + other.pid() + ": ")
                    && said.get("summary").contains("Which frames both use needs the frame numbers"), said.get("summary"));

            assertEquals("false", said.get("stripPrivileged"));
            assertEquals("0", said.get("stripPfnBits"), "no frame number reaches the views");
            long present = Long.parseLong(said.get("stripPresent"));
            assertTrue(present > 0, "the text's present pages are shown: " + said);
            assertEquals(said.get("rawPresent"), said.get("stripPresent"), "as many present pages as pagemap says");
            assertEquals(present, Long.parseLong(said.get("stripExclusive")) + Long.parseLong(said.get("stripShared")),
                    "each present page is mapped once or more");
            assertTrue(Long.parseLong(said.get("stripShared")) > 0, "libc's text is mapped by other processes too");
            assertTrue(said.get("hover").contains("(frame number, map count and flags need CAP_SYS_ADMIN)"),
                    said.get("hover"));

            assertTrue(said.get("sharingHeading").startsWith("libc.so.6 text, ")
                    && said.get("sharingHeading").contains(" processes; here RSS "), said.get("sharingHeading"));
            assertTrue(Integer.parseInt(said.get("users")) >= 2, "the probe and the other sleep: " + said.get("users"));
            assertTrue(Integer.parseInt(said.get("unreadable")) > 0, "root's processes are listed as not read");
            assertEquals(ShareReader.DENIED, said.get("unreadableReason"));
            assertTrue(said.get("notRead").contains("could not be read") && said.get("notRead").contains("CAP_SYS_PTRACE"),
                    said.get("notRead"));
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }
}
