package dev.aspace.model;

/** What a region is, as a person reading the address space would name it. */
public enum RegionKind {
    PROGRAM_TEXT("program text"),
    PROGRAM_RODATA("program read-only data"),
    PROGRAM_DATA("program data"),
    PROGRAM_BSS("program bss"),
    HEAP("heap"),
    MAIN_STACK("main stack"),
    THREAD_STACK("thread stack"),
    GUARD("guard page"),
    LIBRARY_TEXT("library text"),
    LIBRARY_RODATA("library read-only data"),
    LIBRARY_DATA("library data"),
    LIBRARY_RELRO("library relro"),
    LIBRARY_BSS("library bss"),
    ANONYMOUS("private anonymous"),
    NAMED_ANONYMOUS("named anonymous"),
    MALLOC_ARENA("malloc arena"),
    SHARED_MEMORY("shared memory"),
    FILE_MAPPING("file mapping"),
    EXECUTABLE_ANONYMOUS("JIT / executable anonymous"),
    VDSO("vdso"),
    VVAR("vvar"),
    VSYSCALL("vsyscall"),
    DELETED_FILE("deleted file"),
    OTHER("other"),
    /** Set by parsers; the classifier replaces it. */
    UNCLASSIFIED("unclassified");

    private final String displayName;

    RegionKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
