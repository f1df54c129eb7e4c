package dev.aspace.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aspace.backend.linux.LinuxBackend;
import dev.aspace.demo.AslrRunner;
import dev.aspace.model.AslrSettings;
import dev.aspace.model.Snapshot;
import dev.aspace.snapshot.aslr.AslrAnalysis;
import dev.aspace.snapshot.aslr.AslrDistance;
import dev.aspace.snapshot.aslr.AslrEntropy;
import dev.aspace.snapshot.aslr.AslrGroup;
import dev.aspace.snapshot.aslr.AslrObject;
import dev.aspace.snapshot.aslr.AslrReport;
import dev.aspace.snapshot.aslr.AslrText;
import dev.aspace.snapshot.aslr.ExecutableKind;
import dev.aspace.start.StartOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code aspace aslr [--runs N] [--no-aslr] [--json] -- COMMAND [ARGS...]}. */
@Command(name = "aslr",
        description = {"Runs a program several times and shows where each object of its address space lands:",
                "base per run, slide from the first run, entropy configured beside the spread seen, alignment,",
                "distances and the groups that move together. Without a command, runs the memory-user child."},
        mixinStandardHelpOptions = true)
public final class AslrCommand implements Callable<Integer> {

    static final int MAX_RUNS = 100;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "How many runs (1-" + MAX_RUNS + ", default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--no-aslr", description = "Run the children without randomization (setarch -R / personality ADDR_NO_RANDOMIZE).")
    boolean noAslr;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--delay", paramLabel = "MS", defaultValue = "200",
            description = "Milliseconds after the exec before each snapshot (default ${DEFAULT-VALUE});"
                    + " a program that stops itself (SIGSTOP) is snapshotted at once.")
    long delayMs;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The program and its arguments, after --.")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() {
        if (runs < 1 || runs > MAX_RUNS) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--runs must be between 1 and " + MAX_RUNS + ", got " + runs);
        }
        if (delayMs < 0 || delayMs > 600_000) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--delay must be between 0 and 600000 ms, got " + delayMs);
        }
        boolean memoryUser = command.isEmpty();
        List<String> cmd = memoryUser ? AslrRunner.memoryUserCommand() : command;
        LinuxBackend backend = Backends.live();
        AslrRunner runner = new AslrRunner(backend, StartOptions.read().launcherEnv());
        List<Snapshot> snapshots = runner.run(new AslrRunner.Options(cmd, runs, noAslr, Duration.ofMillis(delayMs),
                memoryUser ? AslrRunner.MEMORY_USER_READY : null, Duration.ofSeconds(60)));
        AslrReport report = AslrAnalysis.analyse(memoryUser ? List.of("memory-user") : cmd, snapshots, noAslr,
                backend.machineSetup().randomizeVaSpace());
        AslrSettings settings = backend.aslrSettings();
        Boolean pie = ExecutableKind.of(report);
        if (json) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(Printable.json(json(report, settings, pie)));
            out.flush();
        } else {
            Output.write(spec.commandLine(), AslrText.render(report, settings, pie));
        }
        return 0;
    }

    static String json(AslrReport r, AslrSettings settings, Boolean pie) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", r.command());
        m.put("runs", r.runs());
        m.put("randomizationOff", r.randomizationOff());
        m.put("randomizeVaSpace", r.randomizeVaSpace());
        m.put("randomizeVaSpaceMeaning", AslrReport.meaning(r.randomizeVaSpace()));
        m.put("pids", r.pids());
        List<Map<String, Object>> objects = new ArrayList<>();
        for (AslrObject o : r.objects()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", o.name());
            List<String> bases = new ArrayList<>();
            List<String> slides = new ArrayList<>();
            for (int i = 0; i < o.bases().size(); i++) {
                Long b = o.bases().get(i);
                bases.add(b == null ? null : "0x" + Long.toHexString(b));
                Long s = o.slide(i);
                slides.add(s == null ? null : AslrText.signedHex(s));
            }
            x.put("bases", bases);
            x.put("slides", slides);
            x.put("identical", o.identical());
            x.put("variedBits", o.variedBits());
            x.put("lowestVariedBit", o.lowestVariedBit());
            x.put("highestVariedBit", o.highestVariedBit());
            x.put("alignment", o.alignment());
            objects.add(x);
        }
        m.put("objects", objects);
        List<Map<String, Object>> distances = new ArrayList<>();
        for (AslrDistance d : r.distances()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("from", d.from());
            x.put("to", d.to());
            x.put("distances", d.distances().stream().map(v -> v == null ? null : AslrText.signedHex(v)).toList());
            x.put("fixed", d.fixed());
            distances.add(x);
        }
        m.put("distances", distances);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("mmapRndBits", settings.mmapRndBits());
        config.put("mmapRndCompatBits", settings.mmapRndCompatBits());
        config.put("randomizeVaSpace", settings.randomizeVaSpace());
        config.put("architecture", settings.architecture());
        config.put("pageSize", settings.pageSize());
        m.put("settings", config);
        List<Map<String, Object>> entropy = new ArrayList<>();
        for (AslrEntropy e : AslrEntropy.of(r, settings, pie)) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("object", e.object());
            x.put("configuredBits", e.configured());
            x.put("effectiveBits", e.effective());
            x.put("basis", e.basis());
            x.put("spreadBits", e.spreadBits());
            x.put("alignment", e.alignment());
            x.put("distinctBases", e.distinct());
            x.put("lessThanConfigured", e.flag().isEmpty() ? null : e.flag());
            entropy.add(x);
        }
        m.put("entropy", entropy);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (AslrGroup g : AslrGroup.of(r)) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("members", g.members());
            x.put("offsets", g.offsets().stream().map(AslrText::signedHex).toList());
            groups.add(x);
        }
        m.put("leakOneKnowAll", groups);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }
}
