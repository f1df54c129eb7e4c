package dev.aspace.demo;

import java.util.Map;

/** Hears what the memory-user child says by itself. Called on the controller's reader thread. */
public interface MemoryUserListener {

    /** An "event NAME k=v ..." line, e.g. {@code rate} (block, mbps) once a second while walking, {@code walked}. */
    default void event(String name, Map<String, String> fields) {
    }

    /** The child is gone. */
    default void exited(ChildExit exit) {
    }
}
