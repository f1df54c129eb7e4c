package dev.aspace.cli;

/**
 * Every option of {@code aspace pmap}, written once: its names, its help line and what it sets.
 * The picocli command declares its options from this list, and the picocli-free fast path
 * ({@link QuickPmap}) accepts exactly these names, so the two can never accept different flags.
 * The options and their order are procps-ng 4.0.2's (its {@code pmap --help}).
 */
enum PmapFlag {
    EXTENDED(null, "show details", "-x", "--extended"),
    MORE(null, "show even more details (WARNING: format changes according to /proc/PID/smaps);"
            + " -XX: show everything the kernel provides", "-X"),
    READ_RC(null, "read the default rc (~/.pmaprc)", "-c", "--read-rc"),
    READ_RC_FROM("<file>", "read the rc from file", "-C", "--read-rc-from"),
    CREATE_RC(null, "create new default rc (no PID arguments)", "-n", "--create-rc"),
    CREATE_RC_TO("<file>", "create new rc to file (no PID arguments)", "-N", "--create-rc-to"),
    DEVICE(null, "show the device format", "-d", "--device"),
    QUIET(null, "do not display header and footer", "-q", "--quiet"),
    SHOW_PATH(null, "show path in the mapping", "-p", "--show-path"),
    RANGE("<low>[,<high>]", "limit results to the given range (hexadecimal; given twice, the last wins"
            + " as in procps)", "-A", "--range"),
    SUN_RESERVED(null, "ignored, with a warning, as procps ignores it (SunOS compatibility)", "-r");

    private final String argument;
    private final String description;
    private final String[] names;

    PmapFlag(String argument, String description, String... names) {
        this.argument = argument;
        this.description = description;
        this.names = names;
    }

    /** Its names: the short one first, then the long one if any. */
    String[] names() {
        return names.clone();
    }

    /** The label of its argument, or null when it takes none. */
    String argument() {
        return argument;
    }

    String description() {
        return description;
    }

    /** The flag with this exact name (as one command-line word), or null. */
    static PmapFlag byName(String name) {
        for (PmapFlag f : values()) {
            for (String n : f.names) {
                if (n.equals(name)) {
                    return f;
                }
            }
        }
        return null;
    }

    /** Records one use of the flag ({@code value} is its argument, or null when it takes none). */
    void apply(PmapOptions.Builder b, String value) {
        switch (this) {
            case EXTENDED -> b.extended = true;
            case MORE -> b.more++;
            case READ_RC -> b.readRc = true;
            case READ_RC_FROM -> {
                b.readRcFrom = true;
                b.rcFile = value;
            }
            case CREATE_RC -> b.createRc = true;
            case CREATE_RC_TO -> {
                b.createRcTo = true;
                b.rcFile = value;
            }
            case DEVICE -> b.device = true;
            case QUIET -> b.quiet = true;
            case SHOW_PATH -> b.showPath = true;
            case RANGE -> b.range(value);
            case SUN_RESERVED -> b.warnings.add("option -r is ignored as SunOS compatibility");
        }
    }
}
