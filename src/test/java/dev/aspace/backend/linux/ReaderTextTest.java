package dev.aspace.backend.linux;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The small parsers inside readers of files other than /proc text: the THP mode and passwd. */
class ReaderTextTest {

    @Test
    void thpModeIsTheBracketedWord() {
        assertEquals("madvise", MachineSetupReader.selectedMode("always [madvise] never"));
        assertEquals("never", MachineSetupReader.selectedMode("always madvise [never]"));
        assertEquals("", MachineSetupReader.selectedMode(""));
    }

    @Test
    void passwdNames() {
        var names = UserNames.parse("root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534::/:/sbin/nologin\nbad line\n"
                .getBytes(StandardCharsets.US_ASCII));
        assertEquals("root", names.get(0));
        assertEquals("nobody", names.get(65534));
        assertEquals(2, names.size());
    }
}
