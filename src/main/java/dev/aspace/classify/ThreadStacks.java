package dev.aspace.classify;

import dev.aspace.model.Region;
import dev.aspace.model.RegionKind;
import dev.aspace.model.ThreadInfo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Thread stacks, found where the threads' stack pointers are. From threads_maps with 3 workers:
 * <pre>
 * 7f2e83efc000-7f2e846fc000 rw-p 00000000 00:00 0     worker-0: task/7530/syscall sp 0x7f2e846faeb0
 * </pre>
 * The main thread's stack pointer lies in {@code [stack]}, which is already the main stack.
 */
final class ThreadStacks {

    private ThreadStacks() {
    }

    static String label(ThreadInfo t) {
        return "stack of thread " + t.tid() + " '" + t.name() + "'";
    }

    static void apply(Work w, List<ThreadInfo> threads) {
        Map<Integer, Integer> oldKernelStacks = oldKernelStacks(w);
        for (ThreadInfo t : threads) {
            Integer named = oldKernelStacks.get(t.tid());
            if (named != null) {
                w.set(named, RegionKind.THREAD_STACK, label(t));
            }
            if (t.stackPointer() == 0) {
                continue;   // running threads and kernels without task/TID/syscall give no sp
            }
            int i = w.indexOf(t.stackPointer());
            if (i < 0) {
                continue;
            }
            Region r = w.regions[i];
            boolean anonymous = w.plainAnonymous(i) || w.kinds[i] == RegionKind.NAMED_ANONYMOUS;
            if (anonymous && r.perms().read() && r.perms().write()
                    && (w.open(i) || w.kinds[i] == RegionKind.NAMED_ANONYMOUS)) {
                w.set(i, RegionKind.THREAD_STACK, label(t));
            }
        }
    }

    /** {@code [stack:4712]} regions (Linux 3.4 to 4.4) by thread id, so their threads' names can be added. */
    private static Map<Integer, Integer> oldKernelStacks(Work w) {
        Map<Integer, Integer> byTid = new HashMap<>();
        for (int i = 0; i < w.size(); i++) {
            oldKernelStack(w, i, byTid);   // a method per region: see SpecialNames.apply
        }
        return byTid;
    }

    private static void oldKernelStack(Work w, int i, Map<Integer, Integer> byTid) {
        String path = w.regions[i].path();
        if (path.startsWith("[stack:") && path.endsWith("]")) {
            try {
                byTid.put(Integer.parseInt(path.substring(7, path.length() - 1)), i);
            } catch (NumberFormatException e) {
                // not a thread id: the region keeps the kernel's text as its label
            }
        }
    }
}
