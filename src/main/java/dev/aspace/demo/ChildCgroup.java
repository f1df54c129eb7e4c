package dev.aspace.demo;

/**
 * The memory cgroup made for a memory-user child, as the views show it.
 *
 * @param path  below the hierarchy's root ("/user.slice/.../aspace-4711")
 * @param limit memory.max in bytes
 */
public record ChildCgroup(String path, long limit) {
}
