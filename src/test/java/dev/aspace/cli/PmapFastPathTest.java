package dev.aspace.cli;

import dev.aspace.testutil.LiveProcess;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
        assertNull(QuickPmap.parse(new String[] {"pmap", "-A"}));
    }
}
