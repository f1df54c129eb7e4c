package dev.aspace.snapshot.aslr;

import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.Snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * From snapshots of several runs of one program: each object's base in every run (executable,
 * each library, heap, stack, vdso, the mmap base), and distances between objects. Pure.
 *
 * <p>Bases: a file's lowest mapping (its ELF load base); the heap's start; the stack's top (its
 * end: the stack grows down from there and the kernel randomizes the top); the vdso's start; the
 * mmap base as the end of the highest mapping below the stack that is not the stack, vdso, vvar
 * or vsyscall (mmap allocates top-down from there).
 */
public final class AslrAnalysis {

    public static final String EXECUTABLE = "executable";
    public static final String HEAP = "heap";
    public static final String STACK = "stack (top)";
    public static final String VDSO = "vdso";
    public static final String MMAP_BASE = "mmap base";

    private AslrAnalysis() {
    }

    public static AslrReport analyse(List<String> command, List<Snapshot> runs, boolean randomizationOff,
                                     int randomizeVaSpace) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to analyse");
        }
        List<Map<String, Long>> perRun = new ArrayList<>();
        Map<String, Boolean> names = new LinkedHashMap<>();
        for (Snapshot s : runs) {
            Map<String, Long> bases = bases(s.regions());
            perRun.add(bases);
            bases.keySet().forEach(k -> names.put(k, true));
        }
        List<AslrObject> objects = new ArrayList<>();
        for (String name : order(names.keySet())) {
            List<Long> b = new ArrayList<>();
            for (Map<String, Long> m : perRun) {
                b.add(m.get(name));
            }
            objects.add(new AslrObject(name, b));
        }
        List<AslrDistance> distances = new ArrayList<>();
        String exe = find(names.keySet(), n -> n.startsWith(EXECUTABLE + " "));
        String libc = find(names.keySet(), n -> isLib(n, "libc.so") || isLib(n, "libc-"));
        String ld = find(names.keySet(), n -> isLib(n, "ld-linux") || isLib(n, "ld-"));
        pair(distances, perRun, exe, HEAP);
        pair(distances, perRun, exe, libc);
        pair(distances, perRun, libc, ld);
        pair(distances, perRun, libc, STACK);
        pair(distances, perRun, MMAP_BASE, STACK);
        pair(distances, perRun, VDSO, STACK);
        List<Integer> pids = runs.stream().map(s -> s.process() == null ? 0 : s.process().pid()).toList();
        return new AslrReport(command, runs.size(), randomizationOff, randomizeVaSpace, pids, objects, distances);
    }

    private static boolean isLib(String name, String prefix) {
        if (!name.startsWith("library ")) {
            return false;
        }
        String file = name.substring(name.lastIndexOf('/') + 1);
        return file.startsWith(prefix);
    }

    private static String find(Iterable<String> names, Predicate<String> p) {
        for (String n : names) {
            if (p.test(n)) {
                return n;
            }
        }
        return null;
    }

    private static void pair(List<AslrDistance> out, List<Map<String, Long>> perRun, String from, String to) {
        if (from == null || to == null) {
            return;
        }
        List<Long> d = new ArrayList<>();
        boolean any = false;
        for (Map<String, Long> m : perRun) {
            Long a = m.get(from);
            Long b = m.get(to);
            d.add(a == null || b == null ? null : b - a);
            any |= a != null && b != null;
        }
        if (any) {
            out.add(new AslrDistance(from, to, d));
        }
    }

    /** Executable first, then libraries by name, heap, mmap base, vdso, stack. */
    private static List<String> order(Iterable<String> names) {
        List<String> exe = new ArrayList<>();
        List<String> libs = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String n : names) {
            if (n.startsWith(EXECUTABLE + " ")) {
                exe.add(n);
            } else if (n.startsWith("library ")) {
                libs.add(n);
            } else {
                rest.add(n);
            }
        }
        libs.sort(null);
        List<String> fixed = List.of(HEAP, MMAP_BASE, VDSO, STACK);
        rest.sort((a, b) -> Integer.compare(rank(fixed, a), rank(fixed, b)));
        List<String> out = new ArrayList<>(exe);
        out.addAll(libs);
        out.addAll(rest);
        return out;
    }

    private static int rank(List<String> fixed, String n) {
        int i = fixed.indexOf(n);
        return i < 0 ? fixed.size() : i;
    }

    /** The bases of one run's objects. */
    static Map<String, Long> bases(List<Region> regions) {
        Map<String, Long> out = new LinkedHashMap<>();
        Region stack = null;
        for (Region r : regions) {
            switch (r.kind()) {
                case PROGRAM_TEXT, PROGRAM_RODATA, PROGRAM_DATA, PROGRAM_BSS -> {
                    if (!r.path().isEmpty()) {
                        out.merge(EXECUTABLE + " " + r.path(), r.start(), AslrAnalysis::lower);
                    }
                }
                case LIBRARY_TEXT, LIBRARY_RODATA, LIBRARY_DATA, LIBRARY_RELRO -> {
                    if (!r.path().isEmpty()) {
                        out.merge("library " + r.path(), r.start(), AslrAnalysis::lower);
                    }
                }
                case HEAP -> out.merge(HEAP, r.start(), AslrAnalysis::lower);
                case MAIN_STACK -> stack = r;
                case VDSO -> out.put(VDSO, r.start());
                default -> { }
            }
        }
        if (stack != null) {
            out.put(STACK, stack.end());
            Long top = mmapTop(regions, stack);
            if (top != null) {
                out.put(MMAP_BASE, top);
            }
        }
        return out;
    }

    private static Long mmapTop(List<Region> regions, Region stack) {
        Long top = null;
        for (Region r : regions) {
            RegionKind k = r.kind();
            if (Long.compareUnsigned(r.end(), stack.start()) <= 0 && k != RegionKind.VDSO && k != RegionKind.VVAR
                    && k != RegionKind.VSYSCALL && k != RegionKind.MAIN_STACK && k != RegionKind.HEAP
                    && k != RegionKind.GUARD && !r.path().startsWith("[")
                    && (top == null || Long.compareUnsigned(r.end(), top) > 0)) {
                top = r.end();
            }
        }
        return top;
    }

    private static Long lower(Long a, Long b) {
        return Long.compareUnsigned(a, b) <= 0 ? a : b;
    }
}
