package dev.aspace.share;

/**
 * One process's mappings of a file, from its smaps, in bytes: RSS and PSS of the part asked about
 * (libc's text: the mappings with its permissions and offset) and of the whole file.
 *
 * @param mappings how many of its mappings are of the file
 */
public record FileUser(int pid, String user, String command, long rss, long pss, long fileRss, long filePss,
                       int mappings) {
}
