package dev.aspace.cli;

import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The picocli-free pmap path prints what the picocli command prints, and leaves it everything else. */
class PmapFastPathTest {

    @Test
    void fastPathAndPicocliCommandPrintTheSame() {
        try (LiveProcess p = LiveProcess.startHelper("threads_maps")) {
            p.stop();
            String pid = Integer.toString(p.pid());
            for (List<String> o : List.<List<String>>of(List.of(), List.of("-x"), List.of("-X"), List.of("-XX"),
                    List.of("-d", "-q"), List.of("-X", "-X", "-p"), List.of("--range=7f0000000000,7fffffffffff"),
                    List.of("-A", "7f0000000000"), List.of("--extended", "--quiet", "--show-path"))) {
                List<String> args = new ArrayList<>(List.of("pmap"));
                args.addAll(o);
                args.add(pid);
                StringWriter quick = new StringWriter();
                StringWriter quickErr = new StringWriter();
                int code = QuickPmap.run(new PrintWriter(quick), new PrintWriter(quickErr), args.toArray(String[]::new));
                assertEquals(0, code, args + ": the fast path takes it: " + quickErr);
                StringWriter slow = new StringWriter();
                int slowCode = AspaceCommand.commandLine().setOut(new PrintWriter(slow)).execute(args.toArray(String[]::new));
                assertEquals(0, slowCode, args.toString());
                PmapParity.assertSame(String.join(" ", args), ProcpsRun.lines(slow.toString()),
                        ProcpsRun.lines(quick.toString()));
            }
        }
    }

    @Test
    void whatTheFastPathDoesNotKnowGoesToPicocli() {
        for (String[] args : List.of(new String[] {"pmap", "--help"}, new String[] {"pmap", "-xq", "1"},
                new String[] {"pmap", "-x", "-X", "1"}, new String[] {"pmap", "-A", "zz", "1"},
                new String[] {"pmap", "--debug", "1"}, new String[] {"pmap", "snap.json"},
                new String[] {"pmap", "-q"}, new String[] {"free"})) {
            assertEquals(-1, QuickPmap.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args),
                    String.join(" ", args));
        }
        assertFalse(QuickPmap.accepts("pmap", "-A"));
    }

    @Test
    void theFastPathAcceptsExactlyTheOptionsOfThePicocliCommand() {
        Set<String> picocli = new TreeSet<>();
        for (CommandLine.Model.OptionSpec o : AspaceCommand.commandLine().getSubcommands().get("pmap")
                .getCommandSpec().options()) {
            picocli.addAll(List.of(o.names()));
        }
        // picocli's help and version, and aspace's --debug: always left to picocli
        picocli.removeAll(Set.of("-h", "--help", "-V", "--version", "--debug"));
        Set<String> quick = new TreeSet<>();
        for (PmapFlag f : PmapFlag.values()) {
            quick.addAll(List.of(f.names()));
            for (String name : f.names()) {
                String[] args = f.argument() == null ? new String[] {"pmap", name, "1"} : new String[] {"pmap", name, "0", "1"};
                assertTrue(QuickPmap.accepts(args), String.join(" ", args));
            }
        }
        assertEquals(picocli, quick);
        assertFalse(QuickPmap.accepts("pmap", "--no-such-option", "1"));
        assertTrue(QuickPmap.accepts("pmap", "--range=0,1", "-XX", "1"));
    }
}
