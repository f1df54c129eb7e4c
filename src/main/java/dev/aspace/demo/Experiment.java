package dev.aspace.demo;

/** The experiments memory-user runs, each with what to expect before it runs. */
public enum Experiment {
    ALLOCATE_MMAP("mmap"),
    ALLOCATE_MALLOC("malloc"),
    ALLOCATE_BRK("brk"),
    TOUCH("touch"),
    WALK("walk slowly"),
    STREAM("stream"),
    STOP("stop walking"),
    FREE("free / munmap"),
    MLOCK("mlock"),
    DONTNEED("madvise(MADV_DONTNEED)"),
    PROTECT("mprotect a page PROT_NONE"),
    MAP_FILE("map a file"),
    SHARED_MEMORY("shared memory in /dev/shm"),
    FORK("fork a copy"),
    FORK_WRITE("the fork writes a block"),
    THREAD("start a thread"),
    LOAD_LIBRARY("load a shared library");

    /** glibc's default M_MMAP_THRESHOLD; it rises (up to 32 MiB) after a mapped block is freed. */
    public static final long MMAP_THRESHOLD = 128 * 1024;

    private final String title;

    Experiment(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The experiment that allocates this way. */
    public static Experiment allocating(BlockKind kind) {
        return switch (kind) {
            case MMAP -> ALLOCATE_MMAP;
            case MALLOC -> ALLOCATE_MALLOC;
            case BRK -> ALLOCATE_BRK;
            case FILE -> MAP_FILE;
            case SHM -> SHARED_MEMORY;
        };
    }

    /**
     * One or two lines of what should happen, said before the experiment runs.
     *
     * @param bytes the size involved (allocation size, or the block's size), 0 when none
     * @param child the child's page size and default thread stack, which the texts quote
     */
    public String expectation(long bytes, ChildFacts child) {
        String n = Sizes.human(bytes);
        String page = child.pageSize() > 0 ? Sizes.human(child.pageSize()) + " " : "";
        return switch (this) {
            case ALLOCATE_MMAP -> "A new anonymous rw-p region of " + n + " (or a neighbour grows, if the kernel merges them)."
                    + " Its Size counts at once; RSS only grows for the pages that get touched.";
            case ALLOCATE_MALLOC -> bytes < MMAP_THRESHOLD
                    ? "Below glibc's mmap threshold (" + Sizes.human(MMAP_THRESHOLD) + "): the block comes from [heap],"
                    + " which grows (or has room already); no new mapping."
                    : "At or above glibc's mmap threshold (" + Sizes.human(MMAP_THRESHOLD) + ", more after a big free):"
                    + " glibc gives the block a mapping of its own, " + n + " plus a page for its header.";
            case ALLOCATE_BRK -> "sbrk moves the program break: [heap] grows by " + n + "; no new mapping.";
            case TOUCH -> "Writing the pages makes them resident: RSS of the block's region rises by up to " + n
                    + ", and free's used by as much.";
            case WALK -> "A slow walk: watch the residency strip fill page by page as each first write faults a page in.";
            case STREAM -> "Streaming over memory that is already resident changes no numbers but the rate:"
                    + " the MiB/s is memory bandwidth.";
            case STOP -> "The walk stops; resident pages stay resident.";
            case FREE -> "The block goes back: an mmap'd or large malloc'd block's region disappears and RSS falls by its"
                    + " resident size; a small malloc stays in [heap] (glibc keeps it for reuse).";
            case MLOCK -> "Every page of the block is faulted in and pinned: Locked (and RSS) of its region become its size.";
            case DONTNEED -> "The kernel drops the pages: RSS of the region falls by up to " + n
                    + " and free's used by as much; the mapping stays (reads give zeros).";
            case PROTECT -> "The region splits in three around one " + page + "---p page: a guard page that faults on any"
                    + " access.";
            case MAP_FILE -> "A new shared file mapping of " + n + "; writing it puts its pages in the page cache:"
                    + " free's buff/cache grows, used does not.";
            case SHARED_MEMORY -> "A new r/w shared mapping of a /dev/shm file; once touched, free's shared (and"
                    + " buff/cache) grow by " + n + ".";
            case FORK -> "A copy of the child shares every page copy-on-write: the PSS of each shared region halves"
                    + " while RSS stays; used barely moves.";
            case FORK_WRITE -> "The fork writes its copy of the block page by page: each first write gives the page a"
                    + " frame of its own (copy-on-write), so the frames it shares with memory-user fall to none and"
                    + " used grows by up to " + n + " as it goes. A file or shared-memory block is shared: it stays one copy.";
            case THREAD -> child.threadStack() > 0
                    ? "A new thread stack appears: an rw-p region of " + Sizes.human(child.threadStack()) + " (glibc's default"
                    + " thread stack, the child's stack limit, ulimit -s) with a " + page + "---p guard page below it;"
                    + " only the pages the thread touches become resident."
                    : "A new thread stack appears: an rw-p region of glibc's default size (the child's stack limit,"
                    + " ulimit -s) with a ---p guard page below it.";
            case LOAD_LIBRARY -> "New file-backed regions for the library: r--p, r-xp (text), r--p (relro), rw-p (data),"
                    + " unless it is loaded already.";
        };
    }
}
