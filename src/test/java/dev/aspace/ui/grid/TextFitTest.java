package dev.aspace.ui.grid;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextFitTest {

    /** Every character 7 px wide. */
    private static final ToDoubleFunction<String> MONO = s -> 7.0 * s.length();

    @Test
    void textThatFitsIsLeftAsItIs() {
        assertEquals("libc.so.6", TextFit.fit("libc.so.6", 63, MONO));
    }

    @Test
    void textTooLongIsCutWithAnEllipsis() {
        assertEquals("/usr/lib/…", TextFit.fit("/usr/lib/x86_64-linux-gnu/libc.so.6", 70, MONO));
        assertEquals("…", TextFit.fit("abc", 8, MONO));
        assertEquals("…libc.so.6", TextFit.fitTail("/usr/lib/x86_64-linux-gnu/libc.so.6", 70, MONO), "a path keeps its name");
        assertEquals("libc.so.6", TextFit.fitTail("libc.so.6", 63, MONO));
        assertEquals("", TextFit.fit("abc", 5, MONO), "not even the ellipsis fits");
    }

    @Property
    void theCutIsTheLongestThatFits(@ForAll @StringLength(max = 80) String text,
                                    @ForAll @DoubleRange(min = 0, max = 600) double room) {
        String fitted = TextFit.fit(text, room, MONO);
        if (fitted.equals(text)) {
            assertTrue(MONO.applyAsDouble(text) <= room);
            return;
        }
        assertTrue(MONO.applyAsDouble(fitted) <= room, fitted + " in " + room);
        if (!fitted.isEmpty()) {
            String kept = fitted.substring(0, fitted.length() - 1);
            assertTrue(text.startsWith(kept));
            assertTrue(MONO.applyAsDouble(text.substring(0, kept.length() + 1) + TextFit.ELLIPSIS) > room,
                    "one character more would not fit");
        }
    }
}
