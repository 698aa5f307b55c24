package org.babble.core.train;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.babble.core.BabbleException;
import org.babble.testing.FuzzInputs;
import org.junit.jupiter.api.BeforeAll;

/**
 * Any bytes in a checkpoint either load (network, updater state and training state) or fail with one
 * {@link BabbleException}; nothing in them is deserialized as a Java object. Seeds: a real checkpoint, one carrying
 * {@code preprocessor.bin}, one whose Java array header claims 2^31 elements, and entry names that are not UTF-8.
 */
class CheckpointFuzzTest {
    private static final FuzzInputs FILE = FuzzInputs.file(".zip");

    @BeforeAll
    static void loadNd4jOnce() {
        // the first network read loads ND4J's native code, seconds that no fuzz input should be timed for
        Checkpoint.read(FuzzInputs.resource(
                CheckpointFuzzTest.class, "CheckpointFuzzTestInputs/loadsOrRefuses/single-fc-ckpt-4"));
    }

    @FuzzTest(maxDuration = "10s")
    void loadsOrRefuses(byte[] bytes) {
        try {
            Checkpoint.read(FILE.holding(bytes));
        } catch (BabbleException expected) {
            // one line for the user
        }
    }
}
