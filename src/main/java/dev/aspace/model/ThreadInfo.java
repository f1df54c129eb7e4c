package dev.aspace.model;

/**
 * One thread of a process ({@code /proc/PID/task/TID}).
 *
 * @param tid          thread id
 * @param name         its {@code comm}, e.g. "GC Thread#0"
 * @param stackPointer user stack pointer when the kernel shows it, else 0 (unknown)
 * @param state        one-letter state from {@code stat} (R, S, D, T, Z, ...), or '?' when unknown
 */
public record ThreadInfo(int tid, String name, long stackPointer, char state) {
}
