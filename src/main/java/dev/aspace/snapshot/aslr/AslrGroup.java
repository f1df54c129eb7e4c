package dev.aspace.snapshot.aslr;

import java.util.ArrayList;
import java.util.List;

/**
 * "Leak one, know all": objects whose distances to each other were the same in every run. Knowing
 * one member's address gives every other member's by adding its offset.
 *
 * @param members the objects, the lowest first
 * @param offsets each member's distance from the first member (two's complement), the first 0
 */
public record AslrGroup(List<String> members, List<Long> offsets) {

    public AslrGroup {
        members = List.copyOf(members);
        offsets = List.copyOf(offsets);
    }

    /**
     * The groups of two or more objects present in every run whose distances never changed. With a
     * single run every distance is "constant": groups need at least two runs that differ.
     */
    public static List<AslrGroup> of(AslrReport r) {
        List<AslrObject> all = r.objects().stream().filter(o -> o.presentIn() == r.runs()).toList();
        if (r.runs() < 2) {
            return List.of();
        }
        boolean[] used = new boolean[all.size()];
        List<AslrGroup> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (used[i]) {
                continue;
            }
            List<AslrObject> members = new ArrayList<>(List.of(all.get(i)));
            for (int j = i + 1; j < all.size(); j++) {
                if (!used[j] && constant(all.get(i), all.get(j))) {
                    members.add(all.get(j));
                    used[j] = true;
                }
            }
            if (members.size() > 1 && !members.get(0).identical()) {
                members.sort((a, b) -> Long.compareUnsigned(a.bases().get(0), b.bases().get(0)));
                long base = members.get(0).bases().get(0);
                out.add(new AslrGroup(members.stream().map(AslrObject::name).toList(),
                        members.stream().map(m -> m.bases().get(0) - base).toList()));
            }
        }
        return out;
    }

    private static boolean constant(AslrObject a, AslrObject b) {
        long d = b.bases().get(0) - a.bases().get(0);
        for (int k = 1; k < a.bases().size(); k++) {
            if (b.bases().get(k) - a.bases().get(k) != d) {
                return false;
            }
        }
        return true;
    }
}
