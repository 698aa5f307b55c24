package org.babble.core.model;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.babble.core.BabbleException;

/**
 * Any bytes in a checkpoint either load (network, updater state and training state) or fail with one
 * {@link BabbleException}; nothing in them is deserialized as a Java object. Seeds: a real checkpoint and one carrying
 * {@code preprocessor.bin}.
 */
class CheckpointFuzzTest {
    private static Path file;

    @FuzzTest(maxDuration = "10s")
    void loadsOrRefuses(byte[] bytes) throws IOException {
        Files.write(file(), bytes);
        try {
            Checkpoint.read(file());
        } catch (BabbleException expected) {
            // one line for the user
        }
    }

    private static synchronized Path file() throws IOException {
        if (file == null) {
            file = Files.createTempFile("fuzz", ".zip");
            file.toFile().deleteOnExit();
        }
        return file;
    }
}
