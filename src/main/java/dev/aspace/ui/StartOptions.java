package dev.aspace.ui;

import dev.aspace.layout.Scale;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Hidden start options, as system properties, for the screenshot script and for measuring:
 * {@code -Daspace.pid=N} opens that process, {@code -Daspace.scale=linear} the linear ribbon,
 * {@code -Daspace.select=ADDRESS} (hex) selects the region holding it, {@code -Daspace.dark=true}
 * the dark theme, {@code -Daspace.startupLog=FILE} writes the time from JVM start to the first
 * painted frame of a snapshot into FILE, {@code -Daspace.screenshot=FILE.png} saves the window's
 * scene as a PNG once smaps has been read (after {@code -Daspace.screenshotDelay} ms, default
 * 1500) and quits.
 */
public record StartOptions(int pid, Scale scale, long select, boolean dark, Path startupLog, Path screenshot,
                           long screenshotDelayMs) {

    public static StartOptions fromSystemProperties() {
        int pid = Integer.getInteger("aspace.pid", -1);
        String scale = System.getProperty("aspace.scale", "log").toLowerCase(Locale.ROOT);
        String select = System.getProperty("aspace.select", "");
        long address = -1;
        if (!select.isBlank()) {
            String hex = select.startsWith("0x") ? select.substring(2) : select;
            address = Long.parseUnsignedLong(hex, 16);
        }
        String log = System.getProperty("aspace.startupLog", "");
        String shot = System.getProperty("aspace.screenshot", "");
        return new StartOptions(pid, scale.equals("linear") ? Scale.LINEAR : Scale.LOG, address,
                Boolean.getBoolean("aspace.dark"), log.isBlank() ? null : Path.of(log),
                shot.isBlank() ? null : Path.of(shot), Long.getLong("aspace.screenshotDelay", 1500));
    }
}
