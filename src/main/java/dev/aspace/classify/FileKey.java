package dev.aspace.classify;

import dev.aspace.model.Region;

/**
 * One mapped file. The inode and device tell apart files that share a path (the scrubbed
 * smaps-01 fixture maps eight different libraries all named {@code /usr/bkrt.something.so}).
 *
 * <p>equals and hashCode are written out: a record's own are made by an invokedynamic bootstrap
 * at first use, which spun about 25 method-handle classes (~20 ms) in a short-lived CLI JVM.
 */
record FileKey(String device, long inode, String path) {

    static FileKey of(Region r) {
        return new FileKey(r.device(), r.inode(), r.path());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileKey k && inode == k.inode && device.equals(k.device) && path.equals(k.path);
    }

    @Override
    public int hashCode() {
        return (device.hashCode() * 31 + Long.hashCode(inode)) * 31 + path.hashCode();
    }
}
