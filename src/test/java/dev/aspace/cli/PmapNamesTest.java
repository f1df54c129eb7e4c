package dev.aspace.cli;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The locale rules of procps' command-line escaping (seen on procps-ng 4.0.2, LC_ALL=C and C.utf8). */
class PmapNamesTest {

    @Test
    void theFirstSetOfLcAllLcCtypeAndLangDecidesTheLocale() {
        assertTrue(PmapNames.utf8Locale(Map.of("LANG", "en_US.UTF-8")));
        assertTrue(PmapNames.utf8Locale(Map.of("LC_ALL", "C.utf8", "LANG", "C")));
        assertTrue(PmapNames.utf8Locale(Map.of("LC_CTYPE", "de_DE.utf8@euro")));
        assertFalse(PmapNames.utf8Locale(Map.of("LC_ALL", "C", "LANG", "en_US.UTF-8")));
        assertFalse(PmapNames.utf8Locale(Map.of("LANG", "POSIX")));
        assertFalse(PmapNames.utf8Locale(Map.of()));
        assertTrue(PmapNames.utf8Locale(Map.of("LC_ALL", "", "LANG", "C.UTF-8")), "an empty variable is unset");
    }

    @Test
    void outsideUtf8EveryByteBeyondAsciiIsAQuestionMark() {
        // "slëep ✓": ë is 2 bytes in UTF-8, ✓ is 3, 𝄞 (a surrogate pair) 4
        assertEquals("sl??ep ??? ????", PmapNames.printable("sl\u00ebep \u2713 \ud834\udd1e", false));
        assertEquals("sl\u00ebep \u2713", PmapNames.printable("sl\u00ebep \u2713", true));
    }

    @Test
    void controlCharactersAreQuestionMarksAndNewlinesSpacesInEveryLocale() {
        assertEquals("a b?c?", PmapNames.printable("a\nb\tc\u007f", true));
        assertEquals("a b?c?", PmapNames.printable("a\nb\tc\u007f", false));
    }
}
