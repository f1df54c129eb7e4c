package dev.aspace.snapshot.importers;

import dev.aspace.testutil.Fixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real capture with one region's entry copied further down (as a spliced or doctored file
 * would have it): the copy overlaps the original and is left out, and the warning names the
 * line where the copy stands, so the user can find it.
 */
class OverlapLineTest {

    private static final Pattern REGION = Pattern.compile("^\\s*[0-9a-f]{8,16}(-[0-9a-f]+)? ");
    private static final Pattern VMMAP_REGION = Pattern.compile("[0-9a-f]{8,16}-[0-9a-f]{8,16} +\\[");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
            "maps-03-debian10-x86_64-java-tomcat.txt",
            "smaps-01-googleinterns-memfd-deleted-vsyscall.txt",
            "pmapX-02-ubuntu18.04-procps3.3.12-kernel4.x.txt",
            "pmapXX-01-ubuntu18.04-procps3.3.12-VmFlagsMapping-joined.txt",
            "pmap-x-01-centos4.4-i386-procps3.2.txt",
            "pmap-d-01-centos4.4-i386-procps3.2.txt",
            "pmap-default-01-centos7-x86_64.txt",
            "pmap-busybox-x-01-x86_64-musl.txt",
            "pmap-busybox-01-x86_64-musl-default.txt",
            "pmap-toybox-x-01-debian12-toybox0.8.9-python3.txt",
            "vmmap-03-macos10.13.3-x86_64-wide-full.txt",
    })
    void theOverlapWarningNamesTheLineOfTheCopy(String fixture) throws Exception {
        List<String> lines = new ArrayList<>(Fixtures.text(fixture).lines().toList());
        Pattern region = fixture.startsWith("vmmap") ? VMMAP_REGION : REGION;
        List<Integer> starts = new ArrayList<>(); // 0-based indexes of region lines
        for (int i = 0; i < lines.size(); i++) {
            if (region.matcher(lines.get(i)).find()) {
                starts.add(i);
            }
        }
        assertTrue(starts.size() >= 6, fixture + " has " + starts.size() + " region lines");
        // the second region's whole entry (smaps: its maps line and field lines)
        List<String> entry = new ArrayList<>(lines.subList(starts.get(1), starts.get(2)));
        while (!entry.isEmpty() && entry.get(entry.size() - 1).isBlank()) {
            entry.remove(entry.size() - 1);
        }
        int at = starts.get(5); // the copy goes in front of the sixth region
        lines.addAll(at, entry);
        Path file = dir.resolve(fixture);
        Files.writeString(file, String.join("\n", lines) + "\n");

        ImportResult r = TextImports.importer().read(file, 0);
        List<ImportWarning> overlaps = r.warnings().stream().filter(w -> w.problem().contains("overlaps")).toList();
        assertEquals(1, overlaps.size(), fixture + ": " + r.warnings());
        assertEquals(at + 1, overlaps.get(0).line(), fixture + ": " + overlaps.get(0) + " (the copy is at line "
                + (at + 1) + ": " + lines.get(at) + ")");
        assertTrue(overlaps.get(0).problem().contains("line " + (starts.get(1) + 1)),
                fixture + ": the warning names the region it overlaps by its line too: " + overlaps.get(0));
    }
}
