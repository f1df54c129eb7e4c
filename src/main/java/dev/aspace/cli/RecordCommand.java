package dev.aspace.cli;

import dev.aspace.backend.MemoryBackend;
import dev.aspace.model.AspaceException;
import dev.aspace.model.ByteSize;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.series.Recording;
import dev.aspace.snapshot.series.SeriesRecorder;
import dev.aspace.snapshot.series.SeriesWriter;
import dev.aspace.snapshot.series.SizeCap;
import dev.aspace.snapshot.series.StopReason;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code aspace record PID -o FILE}: a snapshot every N seconds into one series file, with a size cap. */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = {"Records a process's address space: one snapshot every SECONDS into one series file, until",
            "--count frames, the size cap, the process's exit, or Ctrl+C. Frames already written are always kept.",
            "'aspace diff FILE@0 FILE@-1' then lists what changed; the app scrubs the file on a timeline."})
final class RecordCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PID", description = "the process to record")
    String pid;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "the series file (created with the first frame; an existing one only with --overwrite)")
    Path output;

    @Option(names = "--overwrite", description = "replace FILE if it exists (it is kept until the first new frame is"
            + " written whole)")
    boolean overwrite;

    @Option(names = "--every", paramLabel = "SECONDS", defaultValue = "1",
            description = "seconds between the starts of two frames (default: ${DEFAULT-VALUE}); fractions allowed")
    double every;

    @Option(names = "--count", paramLabel = "N", description = "stop after N frames (default: until stopped)")
    Integer count;

    @Option(names = "--max-size", paramLabel = "SIZE", defaultValue = "50M",
            description = "size cap of the file, e.g. 50M, 1G (default: ${DEFAULT-VALUE}); recording stops before the"
                    + " frame that would pass it")
    String maxSize;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        PmapCommand.PmapTarget target = PmapCommand.PmapTarget.pid(pid);
        if (target == null) {
            throw new CommandLine.ParameterException(cl, "'" + pid + "' is not a process id");
        }
        if (!(every > 0) || every > 86_400) {
            throw new CommandLine.ParameterException(cl, "--every must be more than 0 and at most 86400 seconds, got "
                    + every);
        }
        if (count != null && count < 1) {
            throw new CommandLine.ParameterException(cl, "--count must be at least 1, got " + count);
        }
        long cap;
        try {
            cap = SizeCap.parse(maxSize);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--max-size: " + e.getMessage());
        }
        SeriesWriter.checkTarget(output, overwrite); // before the first frame is taken
        PrintWriter out = cl.getOut();
        SeriesRecorder recorder = new SeriesRecorder(output,
                () -> Backends.live().snapshot(target.pid(), MemoryBackend.Detail.SMAPS),
                Duration.ofNanos(Math.max(1, Math.round(every * 1e9))), cap, overwrite);

        // Ctrl+C: the frame being written is finished, the summary printed, then the JVM ends
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            recorder.requestStop();
            try {
                done.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "aspace-record-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Recording end = recorder.run(count == null ? 0 : count, r -> {
                Snapshot s = r.frame();
                if (r.frames() == 1) {
                    out.println("recording process " + target.pid() + " (" + Printable.line(s.process().comm()) + ") every "
                            + seconds(every) + " to " + output + ", at most " + ByteSize.format(cap)
                            + (count == null ? "; Ctrl+C stops" : ", " + count + " frames"));
                }
                out.printf(Locale.ROOT, "frame %d  %s  %d regions  RSS %s  file %s%n", r.frames() - 1,
                        TIME.format(s.takenAt()), s.regions().size(), ByteSize.format(s.process().vmRss()),
                        ByteSize.format(r.bytes()));
                out.flush();
            });
            return finish(end, cl);
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down (Ctrl+C): the hook has done its work
            }
        }
    }

    /** Prints how the recording ended and returns the exit code. */
    private int finish(Recording end, CommandLine cl) {
        if (end.frames() == 0) {
            if (end.stop() == StopReason.SIZE_CAP) {
                throw new CommandLine.ParameterException(cl, "--max-size " + maxSize + " is too small: the first frame"
                        + " alone is " + ByteSize.format(end.nextFrame()) + "; nothing was recorded");
            }
            if (end.failure() != null) {
                throw end.failure(); // no such process, permission: Errors says it in one line
            }
        }
        if (end.stop() == StopReason.SOURCE_FAILED || end.stop() == StopReason.WRITE_FAILED) {
            cl.getErr().println("aspace: " + Printable.line(end.describe()));
            cl.getErr().flush();
            return end.failure() instanceof AspaceException ae ? ae.exitCode() : 1;
        }
        cl.getOut().println(Printable.line(end.describe()));
        cl.getOut().flush();
        return 0;
    }

    private static String seconds(double s) {
        return (s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s)) + " s";
    }
}
