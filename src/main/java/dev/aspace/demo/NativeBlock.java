package dev.aspace.demo;

import dev.aspace.backend.jna.NativeMemory;
import dev.aspace.backend.jna.NativeSystem;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A block of native memory this process holds: how to get it, walk it and give it back. Used by
 * the memory-user CLI (in its own process) and by the controlled child.
 */
public final class NativeBlock {

    /** Largest single ByteBuffer view: 1 GiB (a ByteBuffer index is an int). */
    private static final long CHUNK = 1L << 30;

    private final Block block;
    private final MemoryWalker walker;
    private final java.util.List<Long> protectedPages = new java.util.ArrayList<>();
    private boolean freed;

    private NativeBlock(Block block) {
        this.block = block;
        this.walker = new MemoryWalker(views(block.address(), block.size()), NativeSystem.pageSize());
    }

    /**
     * Allocates {@code bytes} the given way. FILE and SHM blocks create {@code path} (which must
     * not exist yet) and map it shared.
     */
    public static NativeBlock allocate(int id, BlockKind kind, long bytes, Path path) {
        long addr = switch (kind) {
            case MMAP -> named(NativeMemory.mmapAnonymous(bytes), bytes, id);
            case MALLOC -> NativeMemory.malloc(bytes);
            case BRK -> NativeMemory.sbrk(bytes);
            case FILE, SHM -> NativeMemory.mmapFile(path.toString(), bytes);
        };
        return new NativeBlock(new Block(id, kind, addr, bytes, path == null ? "" : path.toString()));
    }

    /** Our own mappings carry a name, so the kernel keeps them apart from the JVM's anonymous regions. */
    private static long named(long addr, long bytes, int id) {
        NativeMemory.nameAnonymous(addr, bytes, NAME_PREFIX + id);
        return addr;
    }

    /** mmap blocks show in maps as {@code [anon:memory-user-N]}. */
    public static final String NAME_PREFIX = "memory-user-";

    public Block block() {
        return block;
    }

    public MemoryWalker walker() {
        return walker;
    }

    /**
     * Gives the memory back. A brk block can only go if it is the topmost thing below the break
     * (otherwise shrinking the break would cut off memory glibc has put there since).
     */
    public void free() {
        if (freed) {
            throw new IllegalStateException("block " + block.id() + " is already freed");
        }
        // glibc writes into a freed chunk: give back access to pages we made PROT_NONE first
        for (long page : protectedPages) {
            NativeMemory.mprotect(page, NativeSystem.pageSize(), NativeMemory.PROT_READ_WRITE);
        }
        switch (block.kind()) {
            case MMAP -> NativeMemory.munmap(block.address(), block.size());
            case MALLOC -> NativeMemory.free(block.address());
            case BRK -> {
                long brk = NativeMemory.currentBreak();
                if (brk != block.end()) {
                    throw new IllegalStateException("block " + block.id() + " ends at 0x" + Long.toHexString(block.end())
                            + " but the break is at 0x" + Long.toHexString(brk)
                            + ": something (glibc malloc) grew [heap] after it, so it cannot be given back");
                }
                NativeMemory.sbrk(-block.size());
            }
            case FILE, SHM -> {
                NativeMemory.munmap(block.address(), block.size());
                NativeMemory.unlink(block.path());
            }
        }
        freed = true;
    }

    public boolean isFreed() {
        return freed;
    }

    /** mlock of every page the block touches (locking a neighbour's page too is harmless). */
    public void mlock() {
        NativeMemory.mlock(alignedStart(), alignedLength());
    }

    public void munlock() {
        NativeMemory.munlock(alignedStart(), alignedLength());
    }

    /**
     * madvise(MADV_DONTNEED) on the pages wholly inside the block: a page shared with a malloc
     * neighbour (or glibc's chunk header) must keep its contents. Returns the bytes advised.
     */
    public long dontNeed() {
        long page = NativeSystem.pageSize();
        long from = (block.address() + page - 1) & -page;
        long to = block.end() & -page;
        if (Long.compareUnsigned(to, from) <= 0) {
            throw new IllegalStateException("block " + block.id() + " (" + Sizes.human(block.size())
                    + ") holds no whole page, so madvise cannot drop anything without hurting its neighbours");
        }
        NativeMemory.madviseDontNeed(from, to - from);
        return to - from;
    }

    /**
     * mprotect(PROT_NONE) of the {@code index}-th whole page inside the block: the region splits
     * around a ---p page. Returns the page's address.
     */
    public long protectPage(long index) {
        long page = NativeSystem.pageSize();
        long first = (block.address() + page - 1) & -page;
        long wholePages = ((block.end() & -page) - first) / page;
        if (index < 0 || index >= wholePages) {
            throw new IllegalArgumentException("block " + block.id() + " has " + wholePages
                    + " whole pages: choose a page index from 0 to " + (wholePages - 1) + ", got " + index);
        }
        long addr = first + index * page;
        NativeMemory.mprotect(addr, page, NativeMemory.PROT_NONE);
        protectedPages.add(addr);
        return addr;
    }

    /** Whether a walk would hit a PROT_NONE page (and die of SIGSEGV). */
    public boolean hasProtectedPages() {
        return !protectedPages.isEmpty();
    }

    /** Page-aligned range covering the block (mlock, madvise and mprotect work on pages). */
    public long alignedStart() {
        long page = NativeSystem.pageSize();
        return block.address() & -page;
    }

    public long alignedLength() {
        long page = NativeSystem.pageSize();
        long end = (block.end() + page - 1) & -page;
        return end - alignedStart();
    }

    private static ByteBuffer[] views(long addr, long size) {
        int n = (int) ((size + CHUNK - 1) / CHUNK);
        ByteBuffer[] out = new ByteBuffer[n];
        for (int i = 0; i < n; i++) {
            long len = Math.min(CHUNK, size - i * CHUNK);
            out[i] = NativeMemory.buffer(addr + i * CHUNK, len);
        }
        return out;
    }
}
