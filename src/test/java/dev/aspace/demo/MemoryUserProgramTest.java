package dev.aspace.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The memory-user program (src/main/c/memory-user.c) spoken to line by line, as
 * docs/memory-user-protocol.md describes it: what the typed controller never sends.
 */
class MemoryUserProgramTest {

    private Process child;
    private Writer in;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private void start(Path tmpdir) throws IOException, InterruptedException {
        String program = MemoryUserController.command().get(0);
        child = new ProcessBuilder(program, "--tmpdir", tmpdir.toString()).start();
        in = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    lines.add(l);
                }
            } catch (IOException e) {
                // the child is gone
            }
        });
        reader.setDaemon(true);
        reader.start();
        assertTrue(next().matches("ready pid=" + child.pid() + " pagesize=4096 threadstack=[1-9][0-9]* oom_score_adj=1000"
                + " code=0x[0-9a-f]+ data=0x[0-9a-f]+ heap=0x[0-9a-f]+ stack=0x[0-9a-f]+"));
    }

    @AfterEach
    void end() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    private String next() throws InterruptedException {
        String l = lines.poll(10, TimeUnit.SECONDS);
        assertNotNull(l, "no line from memory-user within 10 s");
        return l;
    }

    private String send(String line) throws IOException, InterruptedException {
        in.write(line + "\n");
        in.flush();
        return next();
    }

    @Test
    void eachBadLineGetsOneErrorNamingWhatIsWrong(@TempDir Path dir) throws Exception {
        start(dir);
        assertEquals("err 0 malformed command 'x': expected 'ID VERB ARGS...' with a numeric ID", send("x"));
        assertEquals("err 0 malformed command 'abc ping': expected 'ID VERB ARGS...' with a numeric ID", send("abc ping"));
        assertEquals("err 7 unknown command 'bogus' (alloc, touch, walk, stream, stop, free, mlock, munlock,"
                + " dontneed, protect, fork, unfork, forkwrite, thread, endthread, dlopen, ping, exit)", send("7 bogus"));
        assertEquals("err 8 usage: ID touch BLOCK PERCENT", send("8 touch"));
        assertEquals("err 9 BYTES must be more than 0, got 0", send("9 alloc mmap 0"));
        assertEquals("err 10 BYTES must be a whole number, got '12k'", send("10 alloc mmap 12k"));
        assertEquals("err 11 unknown allocation kind 'heap' (use mmap, malloc, brk, file or shm)", send("11 alloc heap 5"));
        assertEquals("ok 12 block=1 kind=mmap", send("12 alloc mmap 8192").replaceFirst(" addr=.*", ""));
        assertEquals("err 13 PERCENT must be 0 to 100, got 101", send("13 touch 1 101"));
        assertEquals("err 14 MB_PER_SECOND must be more than 0, got -3", send("14 walk 1 -3"));
        assertEquals("err 15 block 1 has 2 whole pages: choose a page index from 0 to 1, got 2", send("15 protect 1 2"));
        assertEquals("err 16 process 1 is not a fork of this memory-user", send("16 unfork 1"));
        assertEquals("err 17 thread 5 was not started with 'thread'", send("17 endthread 5"));
        assertEquals("err 0 malformed command: the line holds a NUL byte; expected 'ID VERB ARGS...' with a numeric ID",
                send("\u0000 17 ping"));
        // a blank line gets no reply: the next reply is the next command's
        assertEquals("ok 18 pid=" + child.pid(), send("\n18 ping"));
        assertEquals("err 19 process 1 is not a fork of this memory-user", send("19 forkwrite 1 1 4"));
        String fork = send("20 fork").replaceFirst("ok 20 pid=", "");
        send("21 alloc mmap 4096");
        assertEquals("err 22 block 2 was made after fork " + fork + ", so the fork does not have it: fork again",
                send("22 forkwrite " + fork + " 2 4"));
        assertTrue(child.isAlive());
    }

    @Test
    void aPathWithSpacesAndPercentSignsTravelsEncoded(@TempDir Path parent) throws Exception {
        Path dir = Files.createDirectory(parent.resolve("my 100% dir"));
        start(dir);
        String reply = send("1 alloc file 4096");
        assertTrue(reply.contains(" path=" + parent.toString().replace("%", "%25").replace(" ", "%20")
                + "/my%20100%25%20dir/aspace-file-"), reply);
        Map<String, String> f = Protocol.fields(reply.split(" "), 2);
        Path file = Path.of(f.get("path"));
        assertEquals(dir, file.getParent());
        assertEquals(4096, Files.size(file));
        assertEquals("ok 2", send("2 free 1"));
        assertFalse(Files.exists(file), "free unlinks the file");
    }

    @Test
    void aStreamReportsItsRateEachSecondUntilStopped(@TempDir Path dir) throws Exception {
        start(dir);
        send("1 alloc mmap 16777216");
        assertEquals("ok 2", send("2 stream 1"));
        String event = next();
        assertTrue(event.matches("event rate block=1 mbps=\\d+\\.\\d"), event);
        assertTrue(Double.parseDouble(event.substring(event.indexOf("mbps=") + 5)) > 100, event);
        in.write("3 stop 1\n");
        in.flush();
        String reply;
        do {
            reply = next(); // a rate event may come before the reply
        } while (reply.startsWith("event "));
        assertEquals("ok 3 stopped=true", reply);
        assertEquals("ok 4 stopped=false", send("4 stop 1"));
        assertEquals(null, lines.poll(1500, TimeUnit.MILLISECONDS), "no events once stopped");
    }

    @Test
    void aBlockWithANoAccessPageIsNeverWalked(@TempDir Path dir) throws Exception {
        start(dir);
        send("1 alloc mmap 65536");
        assertTrue(send("2 protect 1 3").startsWith("ok 2 addr=0x"));
        String refused = "block 1 has a PROT_NONE page: walking it would die of SIGSEGV; free it and allocate another";
        assertEquals("err 3 " + refused, send("3 touch 1 100"));
        assertEquals("err 4 " + refused, send("4 walk 1 10"));
        assertEquals("err 5 " + refused, send("5 stream 1"));
        assertEquals("ok 6", send("6 free 1"));
        assertTrue(child.isAlive());
    }

    @Test
    void aBrkBlockGoesBackOnlyWhileItEndsAtTheBreak(@TempDir Path dir) throws Exception {
        start(dir);
        send("1 alloc brk 8192");
        send("2 alloc brk 8192");
        String refused = send("3 free 1");
        assertTrue(refused.matches("err 3 block 1 ends at 0x[0-9a-f]+ but the break is at 0x[0-9a-f]+: something"
                + " \\(glibc malloc\\) grew \\[heap\\] after it, so it cannot be given back"), refused);
        assertEquals("ok 4", send("4 free 2"));
        assertEquals("ok 5", send("5 free 1"));
        assertEquals("err 6 no block 1 (allocate one first; freed blocks are gone)", send("6 free 1"));
    }

    @Test
    void exitSaysByeThenEndsItsForksAndFiles(@TempDir Path dir) throws Exception {
        start(dir);
        String file = Protocol.fields(send("1 alloc file 4096").split(" "), 2).get("path");
        int fork = Integer.parseInt(send("2 fork").replace("ok 2 pid=", ""));
        assertTrue(ProcessHandle.of(fork).isPresent());
        assertEquals("ok 3 bye=1", send("3 exit"));
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue());
        assertFalse(Files.exists(Path.of(file)), "its file is removed");
        assertTrue(ProcessHandle.of(fork).isEmpty(), "its fork is killed and reaped");
    }

    @Test
    void aWrongArgumentIsAUsageErrorWithExitStatus2() throws Exception {
        for (List<String> args : List.of(List.of("--bogus", "1"), List.of("--parent"), List.of("--run", "0"),
                List.of("--run", "4096", "--via", "shm"), List.of("--run", "4096", "--touch", "twice"),
                List.of("--run", "4096", "--seconds", "-1"))) {
            List<String> cmd = new ArrayList<>(List.of(MemoryUserController.command().get(0)));
            cmd.addAll(args);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            assertEquals(2, p.exitValue(), args.toString());
            assertTrue(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .startsWith("usage: memory-user --parent PID [--tmpdir DIR]"), args.toString());
        }
    }
}
