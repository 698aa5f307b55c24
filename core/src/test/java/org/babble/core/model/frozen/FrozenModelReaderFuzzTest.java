package org.babble.core.model.frozen;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.babble.core.BabbleException;

/**
 * Any bytes in a {@code model.babble} either load as a checked model or fail with one {@link BabbleException}. Seeds:
 * a good model and the hostile ones of issue 16 (lying weight lengths, huge feature settings, a serialized object).
 */
class FrozenModelReaderFuzzTest {
    private static Path file;

    @FuzzTest(maxDuration = "10s")
    void loadsOrRefuses(byte[] bytes) throws IOException {
        Files.write(file(), bytes);
        try {
            FrozenModelReader.read(file());
        } catch (BabbleException expected) {
            // one line for the user, which is the point
        }
    }

    private static synchronized Path file() throws IOException {
        if (file == null) {
            file = Files.createTempFile("fuzz", ".babble");
            file.toFile().deleteOnExit();
        }
        return file;
    }
}
