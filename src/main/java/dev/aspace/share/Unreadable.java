package dev.aspace.share;

/** A process whose memory could not be read, and why (as ps lists what it may not read). */
public record Unreadable(int pid, String user, String command, String reason) {
}
