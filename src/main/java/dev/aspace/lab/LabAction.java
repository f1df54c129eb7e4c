package dev.aspace.lab;

/** The one button of a lab step: what is done to the machine when the student acts. */
public enum LabAction {
    /** Read /proc/meminfo as free does (no change). */
    RUN_FREE("Run free"),
    /** Allocate 100 MiB in the memory-user child with mmap, touching nothing. */
    ALLOCATE_100MB_UNTOUCHED("Allocate 100 MiB, touch nothing"),
    /** Touch every page of the block allocated in the previous step. */
    TOUCH_EVERYTHING("Touch every page"),
    /** Allocate 100 MiB with malloc (above glibc's mmap threshold) and touch it. */
    MALLOC_100MB("malloc 100 MiB"),
    /** Read pmap -X of aspace itself (a JVM) and count its regions by kind; compare with sleep. */
    COUNT_REGIONS("Count the regions of aspace (a JVM) and of sleep"),
    /** Allocate and touch 50, 100 and 200 MiB in turn, measuring each. */
    COMPARE_SIZES("Allocate 50, 100 and 200 MiB"),
    /** Run a second memory-user for 128 MiB, touched, in a new cgroup limited to 64 MiB. */
    RUN_UNDER_LIMIT("Run memory-user for 128 MiB under a 64 MiB limit"),
    /** Read where memory-user's main, global, heap block and local are, and what holds each. */
    SHOW_POINTERS("Show where they are"),
    /** Read pagemap (and kpagecount) of libc's text in memory-user and in aspace, page by page. */
    COMPARE_LIBC_FRAMES("Compare the frames of libc's text"),
    /** Write a block in memory-user, fork, read both frames; have the fork write its copy, read again. */
    FORK_THEN_WRITE("Fork, then let the fork write");

    private final String buttonText;

    LabAction(String buttonText) {
        this.buttonText = buttonText;
    }

    public String buttonText() {
        return buttonText;
    }
}
