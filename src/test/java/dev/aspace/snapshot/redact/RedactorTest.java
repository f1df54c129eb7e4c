package dev.aspace.snapshot.redact;

import dev.aspace.model.MachineSetup;
import dev.aspace.model.Perms;
import dev.aspace.model.ProcessInfo;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Snapshot;
import dev.aspace.model.Source;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class RedactorTest {

    private static Region region(long start, String path, String label) {
        return new Region(start, start + 4096, Perms.parse("r-xp"), 0, "fe:00", 7, path, null,
                RegionKind.FILE_MAPPING, label);
    }

    @Test
    void homesUserNamesAndHostAreReplacedAddressesStay() {
        Snapshot s = new Snapshot(
                new ProcessInfo(4711, 1, "prog", List.of("/home/alice/bin/prog", "--owner", "alice", "/tmp/alicebuild"),
                        1000, "alice", "S", 8192, 4096),
                List.of(),
                List.of(region(0x1000, "/home/alice/bin/prog", "program text"),
                        region(0x3000, "/usr/lib/x86_64-linux-gnu/libc.so.6", "library text"),
                        region(0x5000, "/Users/bob/lib/x.dylib", "__TEXT")),
                null, null, new MachineSetup(4096, "6.1", "amd64", 2, 0, "madvise", 65536, "alice-laptop"),
                Instant.EPOCH, Duration.ZERO, new Source(Source.Type.FILE, "/home/alice/run.json"));
        Snapshot r = Redactor.redact(s);
        assertEquals("/home/USER/bin/prog", r.regions().get(0).path());
        assertEquals("/usr/lib/x86_64-linux-gnu/libc.so.6", r.regions().get(1).path());
        assertEquals("/Users/USER/lib/x.dylib", r.regions().get(2).path());
        assertEquals(List.of("/home/USER/bin/prog", "--owner", "USER", "/tmp/alicebuild"), r.process().cmdline());
        assertEquals("USER", r.process().user());
        assertEquals(1000, r.process().uid());
        assertEquals("HOST", r.machine().hostname());
        assertEquals("/home/USER/run.json", r.source().description());
        for (int i = 0; i < 3; i++) {
            assertEquals(s.regions().get(i).start(), r.regions().get(i).start());
        }
        assertFalse(r.toString().contains("/home/alice"));
        assertFalse(r.toString().contains("bob"));
    }

    @Test
    void rootIsNotAPersonalName() {
        Snapshot s = new Snapshot(new ProcessInfo(1, 0, "init", List.of("/sbin/init"), 0, "root", "S", 0, 0),
                List.of(), List.of(region(0x1000, "/root/x", "")), null, null, null, Instant.EPOCH, Duration.ZERO,
                Source.live(1));
        assertEquals("/root/x", Redactor.redact(s).regions().get(0).path());
        assertEquals("/sbin/init", Redactor.redact(s).process().cmdline().get(0));
    }
}
