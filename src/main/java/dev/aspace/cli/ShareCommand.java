package dev.aspace.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.aspace.backend.linux.ProcPath;
import dev.aspace.backend.linux.ShareReader;
import dev.aspace.share.FileShare;
import dev.aspace.share.ProcessShare;
import dev.aspace.share.ShareReport;
import dev.aspace.share.Unreadable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code aspace share [PID...] [--json]}: who uses how much memory once sharing is counted, as smem shows it. */
@Command(name = "share", mixinStandardHelpOptions = true,
        description = {"Memory per process once sharing is counted, as smem shows it: RSS, PSS (shared pages divided",
            "among the processes that map them), USS (private pages only) and swap, from smaps_rollup;",
            "then each mapped file with the processes that map it and their RSS and PSS of it, from smaps.",
            "Sizes in KiB (bytes with --json). Processes that cannot be read are listed with the reason."})
final class ShareCommand implements Callable<Integer> {

    private static final JsonFactory FACTORY = new JsonFactory();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "print JSON in bytes (docs/share-json.md)")
    boolean json;

    @Parameters(arity = "0..*", paramLabel = "PID", description = "the processes (default: every process)")
    List<Integer> pids = new ArrayList<>();

    @Override
    public Integer call() {
        for (int pid : pids) {
            if (pid <= 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "PID must be a positive process id, got " + pid);
            }
        }
        ShareReport report = new ShareReader(ProcPath.SYSTEM).read(pids);
        Output.write(spec.commandLine(), json ? json(report) : text(report));
        boolean missing = report.unreadable().stream().anyMatch(u -> u.reason().equals("no such process"));
        return missing ? 1 : 0;
    }

    static String text(ShareReport r) {
        StringBuilder sb = new StringBuilder(256 + 120 * (r.processes().size() + r.files().size()));
        sb.append("  PID User     Command                                          Swap        USS        PSS        RSS\n");
        for (ProcessShare p : r.processes()) {
            Text.right(sb, p.pid(), 5).append(' ');
            Text.left(sb, cut(p.user(), 8), 8).append(' ');
            Text.left(sb, cut(FramesText.printable(p.command()), 44), 44).append(' ');
            kib(sb, p.swap());
            kib(sb, p.uss());
            kib(sb, p.pss());
            kib(sb, p.rss());
            sb.append('\n');
        }
        sb.append('\n').append("Procs        RSS        PSS  Mapped file\n");
        for (FileShare f : r.files()) {
            Text.right(sb, f.pids().size(), 5);
            kib(sb, f.rss());
            kib(sb, f.pss());
            sb.append("  ").append(FramesText.printable(f.path())).append('\n');
        }
        if (!r.unreadable().isEmpty()) {
            sb.append('\n').append("Not read:\n");
            for (Unreadable u : r.unreadable()) {
                Text.right(sb, u.pid(), 5).append(' ');
                Text.left(sb, cut(u.user(), 8), 8).append(' ');
                sb.append(cut(FramesText.printable(u.command()), 44)).append(": ").append(u.reason()).append('\n');
            }
        }
        return sb.toString();
    }

    private static void kib(StringBuilder sb, long bytes) {
        Text.right(sb, bytes / 1024 + "K", 11);
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width);
    }

    static String json(ShareReport r) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeArrayFieldStart("processes");
            for (ProcessShare p : r.processes()) {
                g.writeStartObject();
                g.writeNumberField("pid", p.pid());
                g.writeStringField("user", p.user());
                g.writeStringField("command", p.command());
                g.writeNumberField("rss", p.rss());
                g.writeNumberField("pss", p.pss());
                g.writeNumberField("uss", p.uss());
                g.writeNumberField("swap", p.swap());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("files");
            for (FileShare f : r.files()) {
                g.writeStartObject();
                g.writeStringField("path", f.path());
                g.writeArrayFieldStart("pids");
                for (int pid : f.pids()) {
                    g.writeNumber(pid);
                }
                g.writeEndArray();
                g.writeNumberField("rss", f.rss());
                g.writeNumberField("pss", f.pss());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("unreadable");
            for (Unreadable u : r.unreadable()) {
                g.writeStartObject();
                g.writeNumberField("pid", u.pid());
                g.writeStringField("user", u.user());
                g.writeStringField("command", u.command());
                g.writeStringField("reason", u.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.append('\n').toString();
    }
}
