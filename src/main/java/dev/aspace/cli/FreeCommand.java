package dev.aspace.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code aspace free}: procps-ng 4.0.2 free, the same layout and formulas. */
@Command(name = "free",
        description = "Amount of free and used memory in the system, as procps-ng free prints it.")
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
    @Option(names = {"-w", "--wide"}, description = "wide output")
    boolean wide;
    @Option(names = "--help", usageHelp = true, description = "display this help and exit")
    boolean help;

    @Override
    public Integer call() {
        Output.write(spec.commandLine(), FreeFormat.format(Backends.live().systemMemory(), options()));
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
        return new FreeOptions(exponent, si || siUnit, human, wide, total, lohi, committed);
    }
}
