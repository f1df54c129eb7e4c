package dev.aspace.backend.linux;

import dev.aspace.model.Region;

import java.util.List;

/**
 * Whether two reads of a process's mappings list the same mappings: the same ranges, permissions
 * and backing (offset, device, inode, path), in the same order. The smaps figures are left out,
 * they move with every page touched.
 *
 * <p>Why a second read: the kernel hands out maps and smaps a page at a time and lets the process
 * run in between, so a read can hold a region moved while it was read twice or not at all. The
 * sizes then no longer add up to the process's virtual size, which catches nearly all of them;
 * but a region moved inside a remap is counted twice in that size for a moment (the new copy
 * exists and counts before the old one goes), so a read holding it twice can add up to a size
 * read in such a moment. A second read made after the first is torn by the same motion at other
 * moments: it lists the region once where the first lists it twice.
 */
final class SameMappings {

    private SameMappings() {
    }

    static boolean same(List<Region> a, List<Region> b) {
        int n = a.size();
        if (n != b.size()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            Region x = a.get(i);
            Region y = b.get(i);
            if (x.start() != y.start() || x.end() != y.end() || x.offset() != y.offset() || x.inode() != y.inode()
                    || !x.perms().equals(y.perms()) || !x.device().equals(y.device()) || !x.path().equals(y.path())) {
                return false;
            }
        }
        return true;
    }
}
