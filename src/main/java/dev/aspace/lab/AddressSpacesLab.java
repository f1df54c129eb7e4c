package dev.aspace.lab;

import dev.aspace.frames.FrameMatch;
import dev.aspace.model.CgroupMemory;
import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Snapshot;
import dev.aspace.model.SystemMemory;
import dev.aspace.snapshot.locate.Location;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.aspace.model.ByteSize.delta;
import static dev.aspace.model.ByteSize.format;

/**
 * The OSTEP "Address Spaces" homework as guided steps. The text ships with the app (it works
 * offline); every answer is judged, and every reveal written, from what was measured now.
 */
public final class AddressSpacesLab {

    private static final long MIB = 1024 * 1024;

    private AddressSpacesLab() {
    }

    public static List<LabStep> steps() {
        return List.of(free(), untouched(), touched(), malloc(), countRegions(), compareSizes(), container(),
                everyAddressIsVirtual(), libcOnce(), forkSharedUntilWritten());
    }

    static LabStep free() {
        return new LabStep("1. What does free say?",
                "free reads /proc/meminfo. 'free' is memory nobody uses; 'available' is what a new program "
                        + "could get without swapping.",
                "Which is larger on this machine right now?",
                List.of("free", "available", "they are equal"),
                LabAction.RUN_FREE,
                m -> {
                    SystemMemory s = m.get(0).memoryAfter();
                    return s.available() > s.memFree() ? 1 : s.available() < s.memFree() ? 0 : 2;
                },
                m -> {
                    SystemMemory s = m.get(0).memoryAfter();
                    return "total " + format(s.memTotal()) + ", used " + format(s.used()) + ", free "
                            + format(s.memFree()) + ", buff/cache " + format(s.buffCache()) + ", available "
                            + format(s.available()) + ".\n"
                            + "available is the kernel's estimate (MemAvailable) of free memory plus the page cache "
                            + "and slab it could reclaim, minus reserves it keeps: here it is "
                            + delta(s.available() - s.memFree()) + " compared with free. "
                            + "procps-ng 4 computes used as total - available (" + format(s.memTotal()) + " - "
                            + format(s.available()) + ").";
                });
    }

    static LabStep untouched() {
        return new LabStep("2. Allocate 100 MiB, touch nothing",
                "memory-user asks the kernel for 100 MiB with mmap and then does not write to it.",
                "What happens to memory-user's resident size (RSS)?",
                List.of("it grows by about 100 MiB", "it barely changes", "it grows by about half that"),
                LabAction.ALLOCATE_100MB_UNTOUCHED,
                m -> byShare(m.get(0).rssDelta(), m.get(0).sizeBytes()),
                m -> {
                    Measurement x = m.get(0);
                    return "The address space grew by " + delta(x.vszDelta()) + " (VSZ), but RSS changed by "
                            + delta(x.rssDelta()) + " and free's used by " + delta(x.usedDelta()) + ".\n"
                            + "mmap only reserves addresses: the kernel gives a physical page on the first touch of "
                            + "each page (demand paging). Until then the region counts in Size, not in Rss.";
                });
    }

    static LabStep touched() {
        return new LabStep("3. Touch every page",
                "memory-user now writes one byte in every page of its 100 MiB block.",
                "By how much does free's 'used' grow?",
                List.of("about 100 MiB", "about 0", "about 200 MiB"),
                LabAction.TOUCH_EVERYTHING,
                m -> {
                    Measurement x = m.get(0);
                    int share = byShare(x.usedDelta(), x.sizeBytes());
                    return share == 0 ? 0 : share == 1 ? 1 : x.usedDelta() > 1.5 * x.sizeBytes() ? 2 : 0;
                },
                m -> {
                    Measurement x = m.get(0);
                    return "RSS grew by " + delta(x.rssDelta()) + "; free's used by " + delta(x.usedDelta())
                            + ", free by " + delta(x.freeDelta()) + ", available by " + delta(x.availableDelta())
                            + ", buff/cache by " + delta(x.buffCacheDelta()) + ".\n"
                            + "Each first write faults in a zeroed page, taken from free memory (or, when free runs "
                            + "short, from reclaimed cache: then available falls less than free). Other programs on "
                            + "the machine allocate and free at the same time, so used moves by a little more or less "
                            + "than the 100 MiB memory-user touched.";
                });
    }

    static LabStep malloc() {
        return new LabStep("4. malloc 100 MiB",
                "The textbook says malloc takes memory from the heap.",
                "Where do 100 MiB from glibc's malloc land?",
                List.of("[heap] grows by 100 MiB", "in a new mapping of their own", "on the stack"),
                LabAction.MALLOC_100MB,
                m -> {
                    Measurement x = m.get(0);
                    long size = x.sizeBytes();
                    if (heapSize(x.after()) - heapSize(x.before()) >= size * 9 / 10) {
                        return 0;
                    }
                    return largestNewAnonymous(x) >= size * 9 / 10 ? 1 : 2;
                },
                m -> {
                    Measurement x = m.get(0);
                    return "[heap] changed by " + delta(heapSize(x.after()) - heapSize(x.before()))
                            + "; the largest new anonymous mapping is " + format(largestNewAnonymous(x)) + ".\n"
                            + "glibc serves requests above M_MMAP_THRESHOLD (128 KiB by default, raised dynamically "
                            + "up to 32 MiB) with a mapping of their own, which free() can give back whole. Small "
                            + "requests come from [heap], grown with brk.";
                });
    }

    static LabStep countRegions() {
        return new LabStep("5. How many entities make up an address space?",
                "pmap -X lists one line per region (a run of pages with the same permissions and backing).",
                "How does a JVM (aspace itself) compare with sleep, a small C program like memory-user?",
                List.of("about the same number of regions", "a few times more", "ten times more or more"),
                LabAction.COUNT_REGIONS,
                m -> {
                    double ratio = (double) m.get(0).after().regions().size() / Math.max(1, m.get(0).before().regions().size());
                    return ratio < 1.5 ? 0 : ratio < 10 ? 1 : 2;
                },
                m -> {
                    Snapshot sleep = m.get(0).before();
                    Snapshot jvm = m.get(0).after();
                    return "sleep: " + census(sleep) + "\naspace (a JVM): " + census(jvm) + "\n"
                            + "A JVM maps its own libraries (libjvm.so alone has several segments), a stack and a "
                            + "guard page for each of its threads, the Java heap, metaspace and the JIT's code cache.";
                });
    }

    static LabStep compareSizes() {
        return new LabStep("6. 50, 100, 200 MiB",
                "memory-user allocates and touches 50 MiB, then 100 MiB, then 200 MiB, freeing each before the next.",
                "How does free's 'used' grow with the size?",
                List.of("in proportion to the size", "by the same amount each time", "not at all"),
                LabAction.COMPARE_SIZES,
                m -> {
                    boolean proportional = true;
                    boolean flat = true;
                    for (Measurement x : m) {
                        double r = (double) x.usedDelta() / x.sizeBytes();
                        proportional &= r > 0.7 && r < 1.3;
                        flat &= Math.abs(x.usedDelta()) < 10 * MIB;
                    }
                    return proportional ? 0 : flat ? 2 : 1;
                },
                m -> m.stream()
                        .map(x -> format(x.sizeBytes()) + ": used " + delta(x.usedDelta()) + ", RSS "
                                + delta(x.rssDelta()))
                        .collect(Collectors.joining("\n", "", "\nTouched anonymous memory is counted page by page: "
                                + "used follows the size, give or take what the rest of the machine did meanwhile.")));
    }

    /** 0 when {@code part} is about all of {@code whole}, 1 when about none, 2 otherwise. */
    static int byShare(long part, long whole) {
        if (part >= whole * 8 / 10) {
            return 0;
        }
        return part < whole / 10 ? 1 : 2;
    }

    static long heapSize(Snapshot s) {
        long sum = 0;
        for (Region r : s.regions()) {
            if (r.path().equals("[heap]")) {
                sum += r.size();
            }
        }
        return sum;
    }

    /** Size of the largest anonymous region of {@code after} that does not exist in {@code before}. */
    static long largestNewAnonymous(Measurement x) {
        long largest = 0;
        for (Region r : x.after().regions()) {
            if (!r.isAnonymous() || r.path().equals("[heap]")) {
                continue;
            }
            boolean existed = x.before().regions().stream()
                    .anyMatch(b -> b.start() == r.start() && b.end() == r.end());
            if (!existed) {
                largest = Math.max(largest, r.size());
            }
        }
        return largest;
    }

    /** "N regions in K kinds: 12 library text, 3 thread stack, ..." */
    static String census(Snapshot s) {
        Map<RegionKind, Integer> counts = new EnumMap<>(RegionKind.class);
        for (Region r : s.regions()) {
            counts.merge(r.kind(), 1, Integer::sum);
        }
        return s.regions().size() + " regions in " + counts.size() + " kinds: "
                + counts.entrySet().stream()
                .sorted(Map.Entry.<RegionKind, Integer>comparingByValue().reversed())
                .map(e -> e.getValue() + " " + e.getKey().displayName())
                .collect(Collectors.joining(", "));
    }

    static LabStep container() {
        return new LabStep("7. free inside a container",
                "A container is a cgroup with a memory limit. aspace makes one with a 64 MiB limit below its own "
                        + "and runs a second memory-user in it that asks for 128 MiB and touches every page.",
                "What does free say this machine has, and what happens to the program?",
                List.of("free shows the whole machine; the program is killed at the 64 MiB limit",
                        "free shows 64 MiB in all; the program gets its 128 MiB",
                        "free shows the whole machine; the program gets its 128 MiB"),
                LabAction.RUN_UNDER_LIMIT,
                m -> {
                    Measurement x = m.get(0);
                    if (x.memoryAfter().memTotal() <= x.cgroup().effectiveLimit()) {
                        return 1;
                    }
                    return x.cgroup().oomKills() > 0 ? 0 : 2;
                },
                m -> {
                    Measurement x = m.get(0);
                    CgroupMemory c = x.cgroup();
                    String end = c.oomKills() > 0
                            ? "The cgroup's OOM killer ended it at " + format(c.peak()) + " (oom_kill " + c.oomKills()
                                    + "): the limit, not MemAvailable, decided."
                            : "It was not killed (peak " + format(c.peak()) + "): pages beyond the limit went to swap.";
                    return "free (/proc/meminfo) showed total " + format(x.memoryAfter().memTotal()) + " and available "
                            + format(x.memoryAfter().available()) + " all along: meminfo is not cgroup-aware. The cgroup "
                            + "allowed " + format(c.effectiveLimit()) + ". " + end + "\n"
                            + "Inside a container, read the cgroup's memory.max and memory.current (aspace cgroup PID), "
                            + "not free.";
                });
    }

    /** The four things memory-user points at, in the words of the chapter's program. */
    private static final List<String> POINTED = List.of("main()", "a global", "the malloc'd block", "a local");

    static LabStep everyAddressIsVirtual() {
        return new LabStep("8. Every address you see is virtual",
                "Like the program at the end of OSTEP chapter 13, memory-user printed where its code (main), "
                        + "its data (a global), its heap (a malloc'd block) and its stack (a local) are.",
                "From the lowest address to the highest, in which order are they?",
                List.of("main, the global, the heap block, the local", "the local, the heap block, the global, main",
                        "some other order"),
                LabAction.SHOW_POINTERS,
                m -> {
                    List<Location> p = m.get(0).pointers();
                    if (ascending(p, 0, 1, 2, 3)) {
                        return 0;
                    }
                    return ascending(p, 3, 2, 1, 0) ? 1 : 2;
                },
                m -> {
                    List<Location> p = m.get(0).pointers();
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < p.size(); i++) {
                        sb.append(POINTED.get(i)).append(" at 0x").append(Long.toHexString(p.get(i).address()))
                                .append(": ").append(where(p.get(i))).append('\n');
                    }
                    long dataToHeap = p.get(2).address() - p.get(1).address();
                    long heapToStack = p.get(3).address() - p.get(2).address();
                    return sb + "The heap block is " + format(dataToHeap) + " above the global and the local "
                            + format(heapToStack) + " above the heap block: the space between is unmapped, it costs "
                            + "nothing. These are virtual addresses: the pins on the ribbon (\"main() is here\") mark "
                            + "them in memory-user's map; another process can use the same numbers for other memory, "
                            + "and the next run of memory-user gets others (ASLR).";
                });
    }

    /** True when the pointers at these indices are in ascending (unsigned) order. */
    private static boolean ascending(List<Location> p, int... order) {
        for (int i = 1; i < order.length; i++) {
            if (Long.compareUnsigned(p.get(order[i - 1]).address(), p.get(order[i]).address()) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** "program text (r-xp), .text of memory-user at main" */
    private static String where(Location l) {
        if (!l.mapped()) {
            return "not mapped";
        }
        Region r = l.region();
        String s = r.kind().displayName() + " (" + r.perms() + (r.path().startsWith("[") ? " " + r.path() : "") + ")";
        if (!l.section().isEmpty()) {
            s += ", " + l.section() + " of " + l.file().substring(l.file().lastIndexOf('/') + 1);
        }
        return l.symbolText().isEmpty() ? s : s + " at " + l.symbolText();
    }

    /** What the kernel withholds from a reader without the privilege, and how to get it. */
    static final String NEEDS_ROOT = "Frame numbers need CAP_SYS_ADMIN: without it the kernel gives pagemap's "
            + "present and exclusive bits but reads every frame number (PFN) as 0 and refuses /proc/kpagecount. "
            + "To see them, run aspace as root (sudo aspace).";

    static LabStep libcOnce() {
        return new LabStep("9. The same libc, one copy in RAM",
                "memory-user (a small C program) and aspace (a JVM) both run libc's code. Each has its own address "
                        + "space, and libc's text sits at a different virtual address in each (ASLR).",
                "Are the pages of libc's text in the two processes the same physical frames?",
                List.of("yes: one copy in RAM, mapped by both", "no: each process has its own copy",
                        "some pages the same, some not"),
                LabAction.COMPARE_LIBC_FRAMES,
                m -> {
                    FrameMatch f = m.get(0).frames().get(0);
                    if (f.presentBoth() == 0) {
                        return -1;
                    }
                    if (f.notShared() == f.presentBoth()) {
                        return 1;
                    }
                    if (!f.privileged()) {
                        return -1;
                    }
                    return f.sameFrame() == f.presentBoth() ? 0 : 2;
                },
                m -> {
                    FrameMatch f = m.get(0).frames().get(0);
                    String present = "libc's text is " + f.pages() + " pages (" + format(m.get(0).sizeBytes())
                            + "). Present in RAM: " + f.presentA() + " in memory-user (pid " + f.pidA() + "), "
                            + f.presentB() + " in aspace (pid " + f.pidB() + "), " + f.presentBoth() + " in both.\n";
                    if (!f.privileged()) {
                        return present + "pagemap's exclusive bit: " + f.mappedTwiceOrMore() + " of those "
                                + f.presentBoth() + " are mapped more than once in each process, " + f.apart()
                                + " by one of them alone. Whether they are the same frames cannot be read here.\n"
                                + NEEDS_ROOT + " With them the lab compares the frame number of each page in the "
                                + "two pagemaps and reads in /proc/kpagecount how many mappings point at each frame.";
                    }
                    return present + f.sameFrame() + " of the " + f.presentBoth() + " share a frame (the same PFN in "
                            + "both pagemaps)" + (f.sameFrame() == 0 ? "." : "; /proc/kpagecount says "
                            + mapcounts(f) + ": by the page tables of every process that has used that part of libc.") + "\n"
                            + "A file's page is read into the page cache once; every process that maps it points its "
                            + "page table at that frame, at whatever virtual address. A page present in one process "
                            + "only has not been faulted into the other's page table yet.";
                });
    }

    static LabStep forkSharedUntilWritten() {
        return new LabStep("10. fork: shared until written",
                "memory-user writes every page of a 4 MiB block, then forks: the copy has the same addresses and the "
                        + "same contents. Then the fork writes every page of its copy.",
                "How many of the block's frames do parent and fork share, right after fork and after the fork wrote?",
                List.of("all of them after fork, none after the fork wrote", "none: fork copies the memory at once",
                        "all of them, before and after the write", "some other split"),
                LabAction.FORK_THEN_WRITE,
                m -> {
                    FrameMatch forked = m.get(0).frames().get(0);
                    FrameMatch written = m.get(0).frames().get(1);
                    if (forked.presentBoth() == 0) {
                        return -1;
                    }
                    if (forked.shared() == 0) {
                        return 1;
                    }
                    boolean allBefore = forked.shared() == forked.pages();
                    if (allBefore && written.shared() == 0 && written.presentBoth() == written.pages()) {
                        return 0;
                    }
                    return allBefore && written.shared() == written.pages() ? 2 : 3;
                },
                m -> {
                    FrameMatch forked = m.get(0).frames().get(0);
                    FrameMatch written = m.get(0).frames().get(1);
                    String how = forked.privileged() ? "share a frame" : "are mapped more than once in both";
                    String why = forked.privileged()
                            ? " (the same PFN in both pagemaps" + (forked.sameFrame() > 0 ? "; /proc/kpagecount: "
                                    + mapcounts(forked) : "") + ")"
                            : " (pagemap's exclusive bit clear)";
                    String text = "The block: " + forked.pages() + " pages, parent pid " + forked.pidA() + ", fork pid "
                            + forked.pidB() + ".\nRight after fork: " + forked.presentBoth() + " present in both, "
                            + forked.shared() + " " + how + why + ".\nAfter the fork wrote its copy: "
                            + written.presentBoth() + " present in both, " + written.shared() + " " + how + ", "
                            + written.notShared() + " each have a frame of their own.\n"
                            + "fork copies no memory: the child gets the parent's page tables with every page "
                            + "write-protected. The first write to a page faults and the kernel gives the writer a copy "
                            + "of that one page (copy-on-write): the split goes page by page, as pages are written.";
                    if (!forked.privileged()) {
                        text += "\nWithout frame numbers the counts come from the exclusive bit: anonymous memory is "
                                + "shared only through fork, so a page mapped more than once in both is the one frame of "
                                + "parent and fork, and a page mapped once is not shared. " + NEEDS_ROOT
                                + " With them the lab compares the frame number of each page and shows kpagecount 2 "
                                + "for each frame both use.";
                    }
                    return text;
                });
    }

    /** "each of those frames is mapped 2 times" or "those frames are mapped 3 to 140 times". */
    private static String mapcounts(FrameMatch f) {
        return f.minMapcount() == f.maxMapcount()
                ? "each of those frames is mapped " + f.maxMapcount() + " times"
                : "those frames are mapped " + f.minMapcount() + " to " + f.maxMapcount() + " times";
    }
}
