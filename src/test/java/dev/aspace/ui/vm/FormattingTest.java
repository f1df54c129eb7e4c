package dev.aspace.ui.vm;

import dev.aspace.model.Perms;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormattingTest {

    @Test
    void unitsFollowFreeDashH() {
        assertEquals("64 MiB", Units.AUTO.format(64L << 20));
        assertEquals("2,048 KiB", Units.KIB.format(2L << 20));
        assertEquals("1.0 GiB", Units.GIB.format(1L << 30));
    }

    @Test
    void vmFlagsAreDecodedInKernelOrderAndUnknownOnesAreKept() {
        assertEquals(List.of("rd — readable", "gd — stack segment grows down", "zz — unknown flag 'zz'"),
                VmFlagWords.describe(List.of("rd", "gd", "zz")));
        assertEquals("shadow stack page", VmFlagWords.word("ss"));
    }

    @Test
    void everyCommonSmapsKeyHasItsOwnExplanation() {
        String generic = SmapsFieldHelp.explain("NoSuchKey");
        for (String k : List.of("Size", "Rss", "Pss", "Pss_Dirty", "Shared_Clean", "Private_Dirty", "Referenced",
                "Anonymous", "Swap", "SwapPss", "Locked", "THPeligible", "AnonHugePages")) {
            assertFalse(SmapsFieldHelp.explain(k).equals(generic), k);
        }
    }

    @Test
    void filterMatchesPathLabelKindAddressAndPerms() {
        Region libc = new Region(0x7f0000001000L, 0x7f0000002000L, Perms.parse("r-xp"), 0, "08:01", 42,
                "/usr/lib/x86_64-linux-gnu/libc.so.6", null, RegionKind.LIBRARY_TEXT, "libc.so.6 text");
        assertTrue(new RegionFilter("LIBC", null, null).test(libc));
        assertTrue(new RegionFilter("0x7f0000001800", null, null).test(libc));
        assertTrue(new RegionFilter("library", null, null).test(libc));
        assertFalse(new RegionFilter("heap", null, null).test(libc));
        assertTrue(new RegionFilter("", "r-x", RegionKind.LIBRARY_TEXT).test(libc));
        assertFalse(new RegionFilter("", "rw-", null).test(libc));
        assertFalse(new RegionFilter("", null, RegionKind.HEAP).test(libc));
    }

    @Test
    void aFilterWithNoPartSetMatchesAllAndAnyPartMakesItChoose() {
        assertTrue(new RegionFilter("", null, null).matchesAll());
        assertTrue(new RegionFilter(" ", "", null).matchesAll(), "what the empty filter boxes give");
        assertFalse(new RegionFilter("libc", "", null).matchesAll());
        assertFalse(new RegionFilter("", "r-x", null).matchesAll());
        assertFalse(new RegionFilter("", "", RegionKind.HEAP).matchesAll());
    }
}
