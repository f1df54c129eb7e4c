package dev.aspace.ui.aslr;

import dev.aspace.demo.AslrRunner;
import dev.aspace.demo.MemoryUserException;

import java.time.Duration;
import java.util.List;

/**
 * What the user asked for in the ASLR window, turned into the runner's options the way
 * {@code aspace aslr} does: no command means the memory-user child, snapshotted when it says
 * it is ready; any other command after the delay, or as soon as it stops itself. Pure.
 *
 * @param runs      how many runs (1 to {@link #MAX_RUNS})
 * @param command   the command line as typed; blank for memory-user
 * @param delayMs   milliseconds after the exec before the snapshot
 * @param readyLine snapshot when the program prints a line starting with this (blank: not used)
 * @param noAslr    run the children with ADDR_NO_RANDOMIZE
 */
public record AslrSetup(int runs, String command, long delayMs, String readyLine, boolean noAslr) {

    /** The CLI's limits (AslrCommand), so the window accepts what {@code aspace aslr} accepts. */
    public static final int MAX_RUNS = 100;
    public static final long MAX_DELAY_MS = 600_000;
    /** How long one run may take to become ready, as the CLI allows. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    public static AslrSetup defaults() {
        return new AslrSetup(5, "", 200, "", false);
    }

    public boolean memoryUser() {
        return command.isBlank();
    }

    /** The program and its arguments as run. */
    public List<String> words() {
        return memoryUser() ? AslrRunner.memoryUserCommand() : CommandWords.split(command);
    }

    /** The command as the report names it ("memory-user" rather than the java command line). */
    public List<String> label() {
        return memoryUser() ? List.of("memory-user") : words();
    }

    /** What is wrong with this setup, in one line, or null when it can run. */
    public String problem() {
        if (runs < 1 || runs > MAX_RUNS) {
            return "runs must be between 1 and " + MAX_RUNS + ", got " + runs;
        }
        if (delayMs < 0 || delayMs > MAX_DELAY_MS) {
            return "the delay must be between 0 and " + MAX_DELAY_MS + " ms, got " + delayMs;
        }
        try {
            if (words().isEmpty()) {
                return "no command to run";
            }
        } catch (MemoryUserException e) {
            return e.getMessage(); // memory-user's program is not there: says where it was looked for
        } catch (IllegalArgumentException e) {
            return e.getMessage() + ": close it, or leave the command empty for memory-user";
        }
        return null;
    }

    /** The runner's options for one run (the window runs them one at a time, to show progress and stop between). */
    public AslrRunner.Options oneRun() {
        String ready = memoryUser() ? AslrRunner.MEMORY_USER_READY : readyLine.isBlank() ? null : readyLine;
        return new AslrRunner.Options(words(), 1, noAslr, Duration.ofMillis(delayMs), ready, TIMEOUT);
    }
}
