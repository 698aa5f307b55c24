package org.babble.core.frozen;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.babble.core.BabbleException;
import org.babble.testing.FuzzInputs;
import org.junit.jupiter.api.BeforeAll;

/**
 * Any bytes in a {@code model.babble} either load as a checked model or fail with one {@link BabbleException}. Seeds:
 * a good model and the hostile ones of issue 16 (lying weight lengths, huge feature settings, a serialized object).
 */
class FrozenModelReaderFuzzTest {
    private static final FuzzInputs FILE = FuzzInputs.file(".babble");

    @BeforeAll
    static void loadNd4jOnce() {
        // the first network read loads ND4J's native code, seconds that no fuzz input should be timed for
        FrozenModelReader.read(FuzzInputs.resource(FrozenModelReaderFuzzTest.class, "reference-v1.babble"));
    }

    @FuzzTest(maxDuration = "10s")
    void loadsOrRefuses(byte[] bytes) {
        try {
            FrozenModelReader.read(FILE.holding(bytes));
        } catch (BabbleException expected) {
            // one line for the user, which is the point
        }
    }
}
