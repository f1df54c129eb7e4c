package dev.aspace.start;

import dev.aspace.model.Region;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Every start-up hook given as a {@code -Daspace.NAME=VALUE} system property, read here and
 * nowhere else (a test checks it): the app reads them once at start and hands each part its
 * value. The README's "Start options" lists them; most are for the screenshot scripts and for
 * measuring.
 *
 * @param pid               {@code aspace.pid}: the process to open, or -1
 * @param linearScale       {@code aspace.scale=linear}: the linear ribbon instead of the log one
 * @param select            {@code aspace.select}: a (hex) address, or text in a region's path or label; "" for none
 * @param view              {@code aspace.view=LO-HI}: the (hex, HI exclusive) interval to show; "" for all
 * @param dark              {@code aspace.dark}: taken as the system's theme preference; null when not given
 * @param startupLog        {@code aspace.startupLog}: where to write the time to the first painted frame, or null
 * @param startupThreads    {@code aspace.startupThreads=true}: that log also has each thread's CPU time
 * @param screenshot        {@code aspace.screenshot}: a PNG of the newest window once it has its numbers, then quit; or null
 * @param screenshotDelayMs {@code aspace.screenshotDelay}: how long to wait before that PNG (default 1500)
 * @param compare           {@code aspace.compare=A.json,B.json}: snapshots to open in the compare view
 * @param labStep           {@code aspace.lab}: the lab at that step (1 is the first), its action run; 0 for none
 * @param aslrRuns          {@code aspace.aslrRuns}: the ASLR window, that many runs of memory-user; 0 for none
 * @param open              {@code aspace.open}: a snapshot, captured text or series to open instead of the memory-user child; or null
 * @param timeline          {@code aspace.timeline=A,B}: frames A and B of that series marked, B shown; empty otherwise
 * @param frames            {@code aspace.frames}: a frames view to open through the window's controls; "" for none
 * @param memoryUser        {@code aspace.memoryUser}: the memory-user program, where it is not beside the code; "" for the usual place
 * @param launcherEnv       {@code aspace.launcherEnv}: environment variables the launcher script set for aspace alone
 */
public record StartOptions(int pid, boolean linearScale, String select, String view, String dark, Path startupLog,
                           boolean startupThreads, Path screenshot, long screenshotDelayMs, List<Path> compare,
                           int labStep, int aslrRuns, Path open, List<Integer> timeline, String frames,
                           String memoryUser, List<String> launcherEnv) {

    public static final String PREFIX = "aspace.";

    public StartOptions {
        compare = List.copyOf(compare);
        timeline = List.copyOf(timeline);
        launcherEnv = List.copyOf(launcherEnv);
    }

    /** The options this JVM was started with. */
    public static StartOptions read() {
        Properties p = System.getProperties();
        return parse(name -> p.getProperty(PREFIX + name));
    }

    /**
     * The options from {@code value} (the value of {@code aspace.NAME}, null when not given).
     * A number that is not one counts as not given, as {@link Integer#getInteger} does.
     */
    public static StartOptions parse(UnaryOperator<String> value) {
        String dark = value.apply("dark");
        return new StartOptions(
                (int) number(value.apply("pid"), -1),
                text(value.apply("scale")).toLowerCase(Locale.ROOT).equals("linear"),
                text(value.apply("select")),
                text(value.apply("view")),
                dark,
                path(value.apply("startupLog")),
                Boolean.parseBoolean(text(value.apply("startupThreads"))),
                path(value.apply("screenshot")),
                number(value.apply("screenshotDelay"), 1500),
                list(value.apply("compare")).stream().map(Path::of).toList(),
                (int) Math.max(0, number(value.apply("lab"), 0)),
                (int) Math.max(0, number(value.apply("aslrRuns"), 0)),
                path(value.apply("open")),
                marks(value.apply("timeline")),
                text(value.apply("frames")),
                text(value.apply("memoryUser")),
                list(value.apply("launcherEnv")));
    }

    /** The interval of {@code -Daspace.view}, as [lo, hiExclusive], or null. */
    public long[] viewInterval() {
        if (view.isBlank() || !view.contains("-")) {
            return null;
        }
        String[] parts = view.replace("0x", "").split("-", 2);
        return new long[]{Long.parseUnsignedLong(parts[0], 16), Long.parseUnsignedLong(parts[1], 16)};
    }

    /** True when {@code r} is what {@code -Daspace.select} names. */
    public boolean selects(Region r) {
        if (select.isBlank()) {
            return false;
        }
        String hex = select.startsWith("0x") ? select.substring(2) : select;
        if (hex.length() <= 16 && hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return r.contains(Long.parseUnsignedLong(hex, 16));
        }
        return r.path().contains(select) || r.label().contains(select);
    }

    private static String text(String v) {
        return v == null ? "" : v.strip();
    }

    private static Path path(String v) {
        return text(v).isEmpty() ? null : Path.of(text(v));
    }

    private static long number(String v, long absent) {
        try {
            return v == null ? absent : Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return absent;
        }
    }

    private static List<String> list(String v) {
        return Arrays.stream(text(v).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Two whole numbers, or none. */
    private static List<Integer> marks(String v) {
        String[] ab = text(v).split(",");
        try {
            return ab.length == 2 ? List.of(Integer.parseInt(ab[0].strip()), Integer.parseInt(ab[1].strip())) : List.of();
        } catch (NumberFormatException e) {
            return List.of();
        }
    }
}
