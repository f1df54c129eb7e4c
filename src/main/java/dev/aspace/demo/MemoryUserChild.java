package dev.aspace.demo;

import dev.aspace.backend.jna.NativeCallException;
import dev.aspace.backend.jna.NativeMemory;
import dev.aspace.backend.jna.NativeSystem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * memory-user in controlled mode: a child process the app starts and drives over stdin/stdout
 * (docs/memory-user-protocol.md). It never outlives the app: PR_SET_PDEATHSIG kills it when the
 * app dies (even by kill -9), and it exits when its stdin closes. oom_score_adj 1000 makes it the
 * OOM killer's first choice, so an experiment that exhausts memory costs the child, not the app.
 *
 * <p>Usage: {@code java -cp ... dev.aspace.demo.MemoryUserChild --parent PID}
 */
public final class MemoryUserChild {

    private MemoryUserChild() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int parent = args.length == 2 && args[0].equals("--parent") ? Integer.parseInt(args[1]) : -1;
        try {
            NativeMemory.dieWithParent();
        } catch (NativeCallException e) {
            out.println("error " + e.getMessage());
            System.exit(1);
        }
        // the parent may have died before prctl ran: then we were re-parented and must go
        if (parent > 0 && NativeMemory.getppid() != parent) {
            System.exit(0);
        }
        String oom = setOomScoreAdj();
        Object lock = new Object();
        ChildSession session = new ChildSession(line -> {
            synchronized (lock) {
                out.println(line);
            }
        }, Path.of(System.getProperty("java.io.tmpdir")));
        synchronized (lock) {
            out.println("ready pid=" + NativeMemory.getpid() + " pagesize=" + NativeSystem.pageSize() + " oom_score_adj=" + oom);
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String reply = session.execute(line);
            synchronized (lock) {
                out.println(reply);
            }
            if (reply.startsWith("ok ") && line.trim().split("\\s+").length > 1
                    && line.trim().split("\\s+")[1].equals("exit")) {
                break;
            }
        }
        // stdin closed (the app is gone or done with us), or "exit"
        session.close();
        System.exit(0);
    }

    private static String setOomScoreAdj() {
        try {
            Files.writeString(Path.of("/proc/self/oom_score_adj"), "1000");
            return Files.readString(Path.of("/proc/self/oom_score_adj")).trim();
        } catch (IOException e) {
            return "unchanged";
        }
    }
}
