package dev.aspace.demo;

import dev.aspace.model.SystemMemory;

/** free's columns before and after an experiment. They are the whole machine's: other processes move them too. */
public record MemoryDelta(SystemMemory before, SystemMemory after) {

    public long used() {
        return after.used() - before.used();
    }

    public long buffCache() {
        return after.buffCache() - before.buffCache();
    }

    public long available() {
        return after.available() - before.available();
    }

    public long shared() {
        return after.shmem() - before.shmem();
    }

    public long free() {
        return after.memFree() - before.memFree();
    }

    public String describe() {
        return "free: used " + Sizes.signed(used()) + ", buff/cache " + Sizes.signed(buffCache()) + ", shared "
                + Sizes.signed(shared()) + ", available " + Sizes.signed(available())
                + " (whole machine: other processes move these too)";
    }
}
