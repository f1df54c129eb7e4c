package dev.aspace.elf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Nearest-symbol lookup over a file's symbols: the symbol at or below an address, as a debugger
 * writes {@code main+20}. Where two symbols share an address the one with a size and global
 * binding wins ({@code .symtab} before {@code .dynsym} otherwise), then the one with the fewest
 * leading underscores: libc's {@code printf}, not its alias {@code _IO_printf}.
 */
public final class SymbolIndex {

    private final ElfSymbol[] sorted;

    public SymbolIndex(List<ElfSymbol> symbols) {
        List<ElfSymbol> kept = new ArrayList<>();
        for (ElfSymbol s : symbols) {
            if (s.isAddressable()) {
                kept.add(s);
            }
        }
        kept.sort(Comparator.comparing(ElfSymbol::value, Long::compareUnsigned).thenComparing(SymbolIndex::rank)
                .thenComparingInt(SymbolIndex::underscores));
        List<ElfSymbol> unique = new ArrayList<>();
        for (ElfSymbol s : kept) {
            if (unique.isEmpty() || unique.get(unique.size() - 1).value() != s.value()) {
                unique.add(s);
            }
        }
        sorted = unique.toArray(ElfSymbol[]::new);
    }

    private static int rank(ElfSymbol s) {
        int r = 0;
        r += s.size() > 0 ? 0 : 4;
        r += s.bind() == 1 ? 0 : s.bind() == 2 ? 1 : 2;
        r += s.dynamic() ? 8 : 0;
        return r;
    }

    private static int underscores(ElfSymbol s) {
        int n = 0;
        while (n < s.name().length() && s.name().charAt(n) == '_') {
            n++;
        }
        return n;
    }

    public int size() {
        return sorted.length;
    }

    /** The symbol at or below the address, or null when none is. */
    public ElfSymbol at(long vaddr) {
        int lo = 0;
        int hi = sorted.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(sorted[mid].value(), vaddr) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? null : sorted[found];
    }

    /** The symbol of that name (the preferred one where several share its address), or null. */
    public ElfSymbol named(String name) {
        for (ElfSymbol s : sorted) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }
}
