package dev.aspace.cli;

import dev.aspace.model.MalformedInputException;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.InputFiles;
import dev.aspace.snapshot.series.SeriesReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code FILE@I} names frame I of a recorded series (from 0; negative counts from the end, -1 is
 * the last), wherever the CLI takes a snapshot file (diff, render). A series named without a
 * frame is refused with the frames it has. A file that really is called {@code x@2} wins.
 */
final class SeriesFrames {

    private static final Pattern FRAME = Pattern.compile("(.+)@(-?\\d{1,9})");

    private SeriesFrames() {
    }

    /** The frame {@code arg} names, or null when it names no series (an ordinary file). */
    static Snapshot frameOrNull(Path arg) {
        String name = arg.toString();
        if (Files.exists(arg)) {
            InputFiles.requireOrdinary(arg, SnapshotFiles.WHAT);
            if (SeriesReader.isSeries(arg)) {
                int n = SeriesReader.open(arg).size();
                throw new MalformedInputException(name, "", "is a recorded series of " + n + " frames: name one as "
                        + name + "@I with I from 0 to " + (n - 1) + " (e.g. " + name + "@0, or " + name + "@-1 for the last)");
            }
            return null;
        }
        Matcher m = FRAME.matcher(name);
        if (!m.matches() || !Files.exists(Path.of(m.group(1)))) {
            return null;
        }
        InputFiles.requireOrdinary(Path.of(m.group(1)), "a recorded series");
        SeriesReader series = SeriesReader.open(Path.of(m.group(1)));
        int asked = Integer.parseInt(m.group(2));
        int i = asked < 0 ? series.size() + asked : asked;
        if (i < 0 || i >= series.size()) {
            throw new MalformedInputException(m.group(1), "", "has frames 0 to " + (series.size() - 1)
                    + " (or -1 to -" + series.size() + " from the end); there is no frame " + asked);
        }
        return series.frame(i);
    }
}
