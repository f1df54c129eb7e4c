package dev.aspace.share;

/**
 * One process's memory as smem shows it, from its smaps_rollup, in bytes: RSS (resident), PSS
 * (each resident page divided by how many processes map it), USS (private clean + private dirty:
 * what its exit would free) and swap.
 */
public record ProcessShare(int pid, String user, String command, long rss, long pss, long uss, long swap) {
}
