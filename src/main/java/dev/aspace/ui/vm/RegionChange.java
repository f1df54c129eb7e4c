package dev.aspace.ui.vm;

/** What happened to a region between two refreshes. */
public enum RegionChange {
    APPEARED("appeared"),
    GREW("grew"),
    SHRANK("shrank"),
    /** The same range, backed by something else now (a file over anonymous memory, another file). */
    REPLACED("replaced"),
    VANISHED("vanished");

    private final String word;

    RegionChange(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
