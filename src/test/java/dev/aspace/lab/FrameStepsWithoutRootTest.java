package dev.aspace.lab;

import dev.aspace.testutil.AsNobody;
import dev.aspace.testutil.RawFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The lab's frame steps as user nobody, for real (setpriv; the kernel reads frame numbers as 0 and
 * refuses kpagecount): the libc step says what it would have shown and how to get it and judges
 * nothing it cannot; the fork step judges from pagemap's exclusive bit alone. No figure of frames.
 */
class FrameStepsWithoutRootTest {

    @Test
    void asNobodyTheFrameStepsSayFrameNumbersNeedRootAndJudgeOnlyFromTheExclusiveBit(@TempDir Path dir)
            throws Exception {
        assumeTrue(AsNobody.possible(), "needs root and setpriv (util-linux) to switch to nobody");
        Path program = dir.resolve("memory-user");
        String cp = AsNobody.classpath(dir, AsNobody.CLI, List.of(FrameStepsProbe.class, RawFrames.class));
        Files.copy(Path.of("target", "native", "memory-user"), program);
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        AsNobody.Result r = AsNobody.java(cp, List.of("-Daspace.memoryUser=" + program), FrameStepsProbe.class.getName(),
                List.of(), 180);
        assertEquals(0, r.code(), r.out() + r.err());
        Map<String, String> said = r.said();
        assertEquals("0", said.get("rawLargestPfn"), "the test's own reader: the kernel gave nobody no frame number");

        String[] libc = said.get("libc0").split(" ");
        assertEquals("false", libc[0], "the lab knows it has no frame numbers");
        assertEquals("0", libc[3], "no frame figure made up");
        assertEquals("-1", libc[6], "no map count made up");
        long twice = Long.parseLong(libc[4]);
        assertTrue(Long.parseLong(said.get("rawTwiceBefore")) <= twice && twice <= Long.parseLong(said.get("rawTwiceAfter")),
                "libc pages mapped more than once in both: test " + said.get("rawTwiceBefore") + ".."
                        + said.get("rawTwiceAfter") + ", lab " + twice);
        assertTrue(twice > 0, "libc's text is mapped more than once in both");
        assertEquals("-1", said.get("libcRight"), "whether they are the same frames is not judged without frame numbers");
        String reveal = said.get("libcReveal");
        assertTrue(reveal.contains("Frame numbers need CAP_SYS_ADMIN") && reveal.contains("run aspace as root (sudo aspace)"),
                reveal);
        assertTrue(reveal.contains("pagemap's exclusive bit: " + twice + " of those "), reveal);
        assertFalse(reveal.contains("share a frame"), reveal);
        assertFalse(reveal.contains("kpagecount says"), reveal);

        long pages = LiveLabRunner.FORK_BLOCK / RawFrames.PAGE;
        assertEquals("false " + pages + " " + pages + " 0 " + pages + " 0 -1", said.get("fork0"),
                "right after fork: every page mapped more than once in both, no frame figure");
        assertEquals("false " + pages + " " + pages + " 0 0 " + pages + " -1", said.get("fork1"),
                "after the fork wrote: every page mapped once");
        assertEquals("0", said.get("forkRight"), "judged from the exclusive bit: all shared after fork, none after the write");
        String fork = said.get("forkReveal");
        assertTrue(fork.contains("Right after fork: " + pages + " present in both, " + pages
                + " are mapped more than once in both (pagemap's exclusive bit clear)"), fork);
        assertTrue(fork.contains("run aspace as root (sudo aspace)") && fork.contains("kpagecount 2"), fork);
        assertFalse(fork.contains("share a frame"), fork);
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
