package dev.aspace.demo;

import java.util.Locale;

/** How memory-user touches its memory after allocating it. */
public enum Touch {
    /** Never: the mapping exists (Size) but no page is resident (demand paging). */
    NONE,
    /** One pass over every page: all of it becomes resident. */
    ONCE,
    /** Pass after pass until stopped: the homework's streaming loop. */
    STREAM;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Touch parse(String word) {
        for (Touch t : values()) {
            if (t.word().equals(word)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown touch mode '" + word + "' (use none, once or stream)");
    }
}
