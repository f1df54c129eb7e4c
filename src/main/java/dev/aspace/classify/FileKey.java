package dev.aspace.classify;

import dev.aspace.model.Region;

/**
 * One mapped file. The inode and device tell apart files that share a path (the scrubbed
 * smaps-01 fixture maps eight different libraries all named {@code /usr/bkrt.something.so}).
 */
record FileKey(String device, long inode, String path) {

    static FileKey of(Region r) {
        return new FileKey(r.device(), r.inode(), r.path());
    }
}
