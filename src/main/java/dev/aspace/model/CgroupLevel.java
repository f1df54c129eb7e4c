package dev.aspace.model;

/**
 * One cgroup on the way from a process's own to its hierarchy's root, with its limits.
 *
 * @param path  the cgroup's path below the hierarchy's root ("/" for the root)
 * @param limit memory.max or memory.limit_in_bytes in bytes; -1: no limit
 * @param high  memory.high in bytes (v2); -1: none or v1
 */
public record CgroupLevel(String path, long limit, long high) {
}
