package dev.aspace.ui.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** VmFlags two-letter codes in words, from the kernel's Documentation/filesystems/proc.rst. */
public final class VmFlagWords {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("rd", "readable"),
            Map.entry("wr", "writeable"),
            Map.entry("ex", "executable"),
            Map.entry("sh", "shared"),
            Map.entry("mr", "may read"),
            Map.entry("mw", "may write"),
            Map.entry("me", "may execute"),
            Map.entry("ms", "may share"),
            Map.entry("gd", "stack segment grows down"),
            Map.entry("pf", "pure PFN range"),
            Map.entry("dw", "disabled write to the mapped file"),
            Map.entry("lo", "pages are locked in memory"),
            Map.entry("io", "memory mapped I/O area"),
            Map.entry("sr", "sequential read advise provided"),
            Map.entry("rr", "random read advise provided"),
            Map.entry("dc", "do not copy area on fork"),
            Map.entry("de", "do not expand area on remapping"),
            Map.entry("ac", "area is accountable"),
            Map.entry("nr", "swap space is not reserved for the area"),
            Map.entry("ht", "area uses huge tlb pages"),
            Map.entry("sf", "synchronous page fault"),
            Map.entry("ar", "architecture specific flag"),
            Map.entry("wf", "wipe on fork"),
            Map.entry("dd", "do not include area into core dump"),
            Map.entry("sd", "soft dirty flag"),
            Map.entry("mm", "mixed map area"),
            Map.entry("hg", "huge page advise flag"),
            Map.entry("nh", "no huge page advise flag"),
            Map.entry("mg", "mergeable advise flag"),
            Map.entry("bt", "arm64 BTI guarded page"),
            Map.entry("mt", "arm64 MTE allocation tags are enabled"),
            Map.entry("um", "userfaultfd missing tracking"),
            Map.entry("uw", "userfaultfd wr-protect tracking"),
            Map.entry("ui", "userfaultfd minor fault"),
            Map.entry("ss", "shadow stack page"),
            Map.entry("sl", "sealed"),
            Map.entry("lf", "lock on fault pages"),
            Map.entry("dp", "always lazily freeable mapping"));

    private VmFlagWords() {
    }

    /** The meaning of one code; unknown codes say so rather than vanish. */
    public static String word(String code) {
        String w = WORDS.get(code);
        return w != null ? w : "unknown flag '" + code + "'";
    }

    /** "rd readable, wr writeable, ..." for a list of codes in kernel order. */
    public static List<String> describe(List<String> codes) {
        List<String> out = new ArrayList<>(codes.size());
        for (String c : codes) {
            out.add(c + " — " + word(c));
        }
        return out;
    }
}
