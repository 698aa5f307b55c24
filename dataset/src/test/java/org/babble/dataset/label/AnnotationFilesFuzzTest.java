package org.babble.dataset.label;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.Arrays;
import org.babble.core.BabbleException;

/** Any text in a CSV or Audacity label file parses to well-formed annotations or fails with one line naming it. */
class AnnotationFilesFuzzTest {
    private static final Path NAME = Path.of("labels.txt");

    @FuzzTest(maxDuration = "10s")
    void parsesOrRefuses(byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        try {
            for (Annotation a : AnnotationFiles.parse(NAME, Arrays.asList(text.split("\\R", -1)))) {
                assertTrue(a.end() > a.start() && !a.label().isBlank(), a::toString);
            }
        } catch (BabbleException expected) {
            assertTrue(expected.getMessage().startsWith(NAME.toString()), "names the file");
        }
    }
}
