package dev.aspace.cli;

import dev.aspace.model.SystemMemory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code aspace free}: procps-ng 4.0.2 free, the same layout, formulas, options and exit statuses
 * (and 4.0.3's {@code -L}).
 */
@Command(name = "free", sortOptions = false, versionProvider = FreeCommand.Version.class,
        description = {"Amount of free and used memory in the system, as procps-ng free prints it.",
            "Exit status as procps: 0 printed, 1 bad usage or /proc/meminfo unreadable."})
final class FreeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-b", "--bytes"}, description = "show output in bytes")
    boolean bytes;
    @Option(names = "--kilo", description = "show output in kilobytes")
    boolean kilo;
    @Option(names = "--mega", description = "show output in megabytes")
    boolean mega;
    @Option(names = "--giga", description = "show output in gigabytes")
    boolean giga;
    @Option(names = "--tera", description = "show output in terabytes")
    boolean tera;
    @Option(names = "--peta", description = "show output in petabytes")
    boolean peta;
    @Option(names = {"-k", "--kibi"}, description = "show output in kibibytes")
    boolean kibi;
    @Option(names = {"-m", "--mebi"}, description = "show output in mebibytes")
    boolean mebi;
    @Option(names = {"-g", "--gibi"}, description = "show output in gibibytes")
    boolean gibi;
    @Option(names = "--tebi", description = "show output in tebibytes")
    boolean tebi;
    @Option(names = "--pebi", description = "show output in pebibytes")
    boolean pebi;
    @Option(names = {"-h", "--human"}, description = "show human-readable output")
    boolean human;
    @Option(names = "--si", description = "use powers of 1000 not 1024")
    boolean si;
    @Option(names = {"-l", "--lohi"}, description = "show detailed low and high memory statistics")
    boolean lohi;
    @Option(names = {"-t", "--total"}, description = "show total for RAM + swap")
    boolean total;
    @Option(names = {"-v", "--committed"}, description = "show committed memory and commit limit")
    boolean committed;
    @Option(names = {"-L", "--line"}, description = "show output on a single line")
    boolean line;
    @Option(names = {"-s", "--seconds"}, paramLabel = "N", description = "repeat printing every N seconds")
    String seconds;
    @Option(names = {"-c", "--count"}, paramLabel = "N", description = "repeat printing N times, then exit")
    String count;
    @Option(names = {"-w", "--wide"}, description = "wide output")
    boolean wide;
    @Option(names = "--help", usageHelp = true, description = "display this help and exit")
    boolean help;
    @Option(names = {"-V", "--version"}, versionHelp = true, description = "output version information and exit")
    boolean version;

    @Override
    public Integer call() throws InterruptedException {
        FreeOptions o = options();
        long delayMicros = 1_000_000;
        int times = 1;
        try {
            if (seconds != null) {
                delayMicros = FreeRepeat.seconds(seconds);
                times = 0;
            }
            if (count != null) {
                times = FreeRepeat.count(count);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        boolean repeat = seconds != null || count != null;
        // as procps: the tables of a repeating run are separated by a blank line (-L: each line
        // ends there); 0 times means until interrupted, and Ctrl+C ends it with nothing more said
        for (int i = 1; times == 0 || i <= times; i++) {
            SystemMemory m = Backends.live().systemMemory();
            String text = o.line() ? FreeFormat.line(m, o) + "\n" : FreeFormat.format(m, o);
            boolean last = times != 0 && i == times;
            Output.write(spec.commandLine(), repeat && !last && !o.line() ? text + "\n" : text);
            if (last) {
                break;
            }
            Thread.sleep(delayMicros / 1000, (int) (delayMicros % 1000) * 1000);
        }
        return 0;
    }

    FreeOptions options() {
        boolean[] units = {bytes, kibi, mebi, gibi, tebi, pebi, kilo, mega, giga, tera, peta};
        int[] exponents = {1, 2, 3, 4, 5, 6, 2, 3, 4, 5, 6};
        int exponent = 0;
        boolean siUnit = false;
        int chosen = 0;
        for (int i = 0; i < units.length; i++) {
            if (units[i]) {
                chosen++;
                exponent = exponents[i];
                siUnit = i >= 6;
            }
        }
        if (chosen > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Multiple unit options don't make sense: choose one of -b, -k, -m, -g, --kilo, --mega, ...");
        }
        return new FreeOptions(exponent, si || siUnit, human, wide, total, lohi, committed, line);
    }

    /** {@code free -V}: aspace's version and the procps-ng version whose formats it follows. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"free from " + new AspaceCommand.Version().getVersion()[0]
                    + ", the formats of free from procps-ng 4.0.2"};
        }
    }
}
