package dev.aspace.cli;

import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.SnapshotStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A user name joined to other text by '-', '_' or '.' is still a user name: every redacting output hides it. */
class RedactJoinedNamesTest {

    @TempDir
    Path dir;



    /** Lines in the shape of /proc/PID/maps as this machine prints them; the names are the case to hide. */
    private Path maps() throws Exception {
        Path in = dir.resolve("maps.txt");
        Files.writeString(in, """
                55d0c8a00000-55d0c8a02000 r-xp 00000000 fe:01 1311 /home/someuser/bin/prog
                7f3a10000000-7f3a10021000 rw-s 00000000 00:1f 88 /tmp/someuser-cache/index.db
                7f3a10100000-7f3a10101000 rw-s 00000000 00:1f 89 /tmp/.someuser.lock
                7f3a10200000-7f3a10201000 r--p 00000000 00:1f 90 /var/tmp/someuser_x
                7f3a10300000-7f3a10301000 r--p 00000000 00:1f 91 /var/tmp/cache-someuser
                7f3a10400000-7f3a10401000 r--p 00000000 00:1f 92 /var/tmp/someusers/notes
                7ffd0000-7ffd1000 rw-p 00000000 00:00 0 [stack]
                """);
        return in;
    }

    private static void assertHidden(String text) {
        assertFalse(text.contains("someuser-"), text);
        assertFalse(text.contains(".someuser."), text);
        assertFalse(text.contains("someuser_"), text);
        assertFalse(text.contains("-someuser"), text);
        assertTrue(text.contains("/tmp/USER-cache/index.db"), text);
        assertTrue(text.contains("/tmp/.USER.lock"), text);
        assertTrue(text.contains("/var/tmp/USER_x"), text);
        // a longer word that only starts with the name is another word
        assertTrue(text.contains("/var/tmp/someusers/notes"), text);
    }

    @Test
    void svgHidesNamesJoinedByDashUnderscoreAndDot() throws Exception {
        Path svg = dir.resolve("r.svg");
        ProcpsRun.aspaceOk("render", maps().toString(), "-o", svg.toString());
        assertHidden(Files.readString(svg));
    }

    @Test
    void csvHidesNamesJoinedByDashUnderscoreAndDot() throws Exception {
        Path csv = dir.resolve("r.csv");
        ProcpsRun.aspaceOk("render", maps().toString(), "-o", csv.toString());
        assertHidden(Files.readString(csv));
    }

    @Test
    void jsonHidesNamesJoinedByDashUnderscoreAndDot() throws Exception {
        Path json = dir.resolve("r.json");
        ProcpsRun.aspaceOk("import", "--redact", maps().toString(), "-o", json.toString());
        Snapshot s = SnapshotStore.load(json);
        StringBuilder text = new StringBuilder();
        s.regions().forEach(r -> text.append(r.path()).append(' ').append(r.label()).append('\n'));
        text.append(s.source().description());
        assertHidden(text.toString());
    }
}
