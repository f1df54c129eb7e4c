package dev.aspace.ui;

import dev.aspace.layout.Scale;
import dev.aspace.model.Region;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Hidden start options, as system properties, for the screenshot script and for measuring:
 * {@code -Daspace.pid=N} opens that process, {@code -Daspace.scale=linear} the linear ribbon,
 * {@code -Daspace.select=ADDRESS} selects the region holding that (hex) address, or the first
 * region whose path or label contains the text (e.g. {@code [heap]}), {@code -Daspace.dark=true}
 * the dark theme (as the system's preference: a choice the user saved wins, see ThemePreference), {@code -Daspace.view=LO-HI} (hex, HI exclusive) shows that address interval, {@code -Daspace.startupLog=FILE} writes the time from process start to the first
 * painted frame of a snapshot into FILE (with the moments before it, see StartupClock, and each
 * thread's CPU time if {@code -Daspace.startupThreads=true}), {@code -Daspace.screenshot=FILE.png} saves the window's
 * scene as a PNG once smaps has been read (after {@code -Daspace.screenshotDelay} ms, default
 * 1500) and quits.
 */
public record StartOptions(int pid, Scale scale, String select, String view, boolean dark, Path startupLog, Path screenshot,
                           long screenshotDelayMs) {

    public static StartOptions fromSystemProperties() {
        int pid = Integer.getInteger("aspace.pid", -1);
        String scale = System.getProperty("aspace.scale", "log").toLowerCase(Locale.ROOT);
        String select = System.getProperty("aspace.select", "");
        String log = System.getProperty("aspace.startupLog", "");
        String shot = System.getProperty("aspace.screenshot", "");
        return new StartOptions(pid, scale.equals("linear") ? Scale.LINEAR : Scale.LOG, select,
                System.getProperty("aspace.view", ""),
                Boolean.getBoolean("aspace.dark"), log.isBlank() ? null : Path.of(log),
                shot.isBlank() ? null : Path.of(shot), Long.getLong("aspace.screenshotDelay", 1500));
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

    /**
     * {@code -Daspace.compare=A.json,B.json}: snapshot files to open at start in the compare view
     * (e.g. two ASLR runs saved with {@code aspace snapshot}); empty when not given.
     */
    public static List<Path> compareFiles() {
        String files = System.getProperty("aspace.compare", "");
        return Arrays.stream(files.split(",")).map(String::strip).filter(f -> !f.isEmpty())
                .map(Path::of).toList();
    }

    /**
     * {@code -Daspace.lab=STEP}: opens the guided lab at that step (1 is the first) on the
     * memory-user child and runs the step's action, so the reveal shows numbers; 0 when not given.
     */
    public static int labStep() {
        return Math.max(0, Integer.getInteger("aspace.lab", 0));
    }

    /**
     * {@code -Daspace.aslrRuns=N}: opens the ASLR experiment at start and runs the default
     * command (memory-user) N times; 0 when not given.
     */
    public static int aslrRuns() {
        return Math.max(0, Integer.getInteger("aspace.aslrRuns", 0));
    }

    /**
     * {@code -Daspace.open=FILE}: a file to open at start instead of the memory-user child: a
     * snapshot, captured text or a recorded series; null when not given.
     */
    public static Path openFile() {
        String file = System.getProperty("aspace.open", "").strip();
        return file.isEmpty() ? null : Path.of(file);
    }

    /**
     * {@code -Daspace.timeline=A,B}: for a series opened with {@code aspace.open}, marks frames A
     * and B on its timeline and shows B; null when not given or not two whole numbers.
     */
    public static int[] timelineMarks() {
        String[] ab = System.getProperty("aspace.timeline", "").split(",");
        try {
            return ab.length == 2 ? new int[] {Integer.parseInt(ab[0].strip()), Integer.parseInt(ab[1].strip())} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
