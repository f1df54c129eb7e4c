package dev.aspace.cli;

import dev.aspace.model.MalformedInputException;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.OutputFiles;
import dev.aspace.snapshot.export.CsvWriter;
import dev.aspace.snapshot.export.PngWriter;
import dev.aspace.snapshot.export.SvgWriter;
import dev.aspace.snapshot.redact.Redactor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code aspace render FILE.json -o out.svg|out.png|out.csv}: exports headless. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Draws the whole snapshot as a log-scale ribbon with title and legend (SVG or PNG), or",
                "writes its region table (CSV). User names, home directories and the host name are",
                "replaced unless --no-redact is given."})
public final class RenderCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A saved snapshot (JSON) or importable text.")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "out.svg, out.png or out.csv: the extension picks the format.")
    Path output;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "1600", description = "Picture width (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--no-redact", description = "Keep user names, home directories and the host name.")
    boolean noRedact;

    @Override
    public Integer call() throws IOException {
        String name = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
        String kind = name.endsWith(".svg") ? "svg" : name.endsWith(".png") ? "png" : name.endsWith(".csv") ? "csv" : "";
        if (kind.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "the output must end in .svg, .png or .csv, got '" + output + "'");
        }
        if (width < 400 || width > 20_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--width must be 400 to 20000 pixels, got " + width);
        }
        SnapshotFiles.checkNotInput(output, input);
        OutputFiles.check(output, "write");
        Snapshot s = SnapshotFiles.load(input);
        if (!noRedact) {
            s = Redactor.redact(s);
        }
        if (s.regions().isEmpty() && !kind.equals("csv")) {
            throw new MalformedInputException(input.toString(), "", "has no regions to draw (free, meminfo and"
                    + " vmmap -summary text carry none)");
        }
        Snapshot snap = s;
        OutputFiles.writeAtomically(output, "write", out -> {
            switch (kind) {
                case "svg" -> {
                    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    SvgWriter.write(RibbonPicture.of(snap, width), w);
                    w.flush();
                }
                case "png" -> PngWriter.write(RibbonPicture.of(snap, width), out);
                default -> {
                    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    CsvWriter.write(snap, w);
                    w.flush();
                }
            }
        });
        Output.write(spec.commandLine(), "wrote " + output + " (" + s.regions().size() + " regions"
                + (noRedact ? "" : ", redacted") + ")\n");
        return 0;
    }
}
