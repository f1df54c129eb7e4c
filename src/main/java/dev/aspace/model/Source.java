package dev.aspace.model;

/**
 * Where a snapshot came from: a live process, a saved snapshot file, or imported text.
 *
 * @param type        the kind of origin
 * @param description e.g. "pid 4711", "/home/u/run1.json", "pmap -X text from run.txt"
 */
public record Source(Type type, String description) {

    public enum Type { LIVE, FILE, IMPORTED }

    public static Source live(int pid) {
        return new Source(Type.LIVE, "pid " + pid);
    }
}
