package org.babble.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A file's stem drops its last extension only, and never empties a name that starts with a dot. */
class FileNamesTest {
    @Test
    void theLastExtensionGoes() {
        assertEquals("night", FileNames.stem("night.wav"));
        assertEquals("cry_nohash_1.take2", FileNames.stem("cry_nohash_1.take2.wav"));
        assertEquals("night", FileNames.stem(Path.of("/recordings/2026", "night.wav")));
    }

    @Test
    void aNameWithoutExtensionOrWithOnlyALeadingDotStaysWhole() {
        assertEquals("README", FileNames.stem("README"));
        assertEquals(".babble", FileNames.stem(".babble"));
    }
}
