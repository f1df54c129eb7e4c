package dev.aspace.ui.ribbon;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.layout.RegionSet;
import dev.aspace.layout.RibbonLayout;
import dev.aspace.layout.Scale;
import dev.aspace.layout.Viewport;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Snapshot;
import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which thin regions the whole-space ribbon names anyway, on a live process with threads and mappings. */
class RibbonLandmarksTest {

    @Test
    void everyThinStackProgramVdsoAndLibraryIsNamedAndEachLibraryOnce() {
        Snapshot s;
        // 20,000 mappings: in the whole-space view every region is far thinner than a label
        try (LiveProcess p = LiveProcess.startHelper("many_maps", "20000")) {
            s = new LinuxBackend().snapshot(p.pid(), MemoryBackend.Detail.SMAPS);
        }
        RibbonGeometry geo = RibbonGeometry.of(460, 860);
        RibbonLayout layout = RibbonLayout.layout(RegionSet.of(s.regions()), Viewport.whole(geo.length()), Scale.LOG);
        List<String> names = RibbonRenderer.landmarkTexts(layout, geo).stream()
                .filter(t -> t.contains("  ")) // "name  perms  size"; the gap labels of the same pass have no perms
                .map(t -> t.substring(0, t.indexOf("  "))).toList();

        Set<String> libraries = s.regions().stream().filter(r -> r.kind() == RegionKind.LIBRARY_TEXT)
                .map(RibbonLandmarksTest::name).collect(Collectors.toSet());
        assertTrue(libraries.size() >= 1, "many_maps links at least libc");
        for (String lib : libraries) {
            assertEquals(1, names.stream().filter(lib::equals).count(), lib + " named once in " + names);
        }
        Set<RegionKind> always = Set.of(RegionKind.MAIN_STACK, RegionKind.THREAD_STACK, RegionKind.HEAP,
                RegionKind.PROGRAM_TEXT, RegionKind.VDSO, RegionKind.VSYSCALL);
        List<String> expected = s.regions().stream().filter(r -> always.contains(r.kind()))
                .map(RibbonLandmarksTest::name).toList();
        assertTrue(expected.size() >= 3, "a stack, the program's text and vdso at least: " + expected);
        for (String e : expected) {
            assertTrue(names.contains(e), e + " named in " + names);
        }
        assertEquals(libraries.size() + expected.size(), names.size(), "nothing else named: " + names);
    }

    /** The name a label starts with: the region's label, else its file name, else its kind. */
    private static String name(Region r) {
        if (!r.label().isEmpty()) {
            return r.label();
        }
        return r.path().isEmpty() ? r.kind().displayName() : r.path().substring(r.path().lastIndexOf('/') + 1);
    }
}
