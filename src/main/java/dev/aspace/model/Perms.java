package dev.aspace.model;

/**
 * The four permission characters of a maps line, e.g. {@code r-xp}: read, write, execute, and
 * {@code p} (private, copy-on-write) or {@code s} (shared).
 */
public record Perms(boolean read, boolean write, boolean exec, boolean shared) {

    private static final Perms[] ALL = new Perms[16];
    /** The texts, made once: a process of 60,000 regions asks for them 60,000 times. */
    private static final String[] TEXT = new String[16];
    private static final String[] RWX = new String[8];

    static {
        for (int i = 0; i < 16; i++) {
            ALL[i] = new Perms((i & 8) != 0, (i & 4) != 0, (i & 2) != 0, (i & 1) != 0);
            TEXT[i] = ((i & 8) != 0 ? "r" : "-") + ((i & 4) != 0 ? "w" : "-") + ((i & 2) != 0 ? "x" : "-")
                    + ((i & 1) != 0 ? "s" : "p");
            RWX[i >> 1] = TEXT[i].substring(0, 3);
        }
    }

    private int index() {
        return (read ? 8 : 0) | (write ? 4 : 0) | (exec ? 2 : 0) | (shared ? 1 : 0);
    }

    /** One shared instance per combination, so millions of regions cost nothing here. */
    public static Perms of(boolean read, boolean write, boolean exec, boolean shared) {
        return ALL[(read ? 8 : 0) | (write ? 4 : 0) | (exec ? 2 : 0) | (shared ? 1 : 0)];
    }

    /**
     * Parses the kernel's four characters ({@code rwxp}, {@code r--s}, {@code ---p}).
     *
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static Perms parse(CharSequence text) {
        if (text.length() != 4) {
            throw new IllegalArgumentException("permissions must be 4 characters like r-xp, got '" + text + "'");
        }
        return of(flag(text.charAt(0), 'r'), flag(text.charAt(1), 'w'), flag(text.charAt(2), 'x'), sharing(text.charAt(3)));
    }

    private static boolean flag(char c, char set) {
        if (c == set) {
            return true;
        }
        if (c == '-') {
            return false;
        }
        throw new IllegalArgumentException("expected '" + set + "' or '-' in permissions, got '" + c + "'");
    }

    private static boolean sharing(char c) {
        return switch (c) {
            case 's' -> true;
            case 'p' -> false;
            default -> throw new IllegalArgumentException("expected 'p' or 's' in permissions, got '" + c + "'");
        };
    }

    /** {@code r-x}: the three access bits without the sharing mode. */
    public String rwx() {
        return RWX[index() >> 1];
    }

    /** No access at all: the mark of a guard region. */
    public boolean none() {
        return !read && !write && !exec;
    }

    @Override
    public String toString() {
        return TEXT[index()];
    }
}
