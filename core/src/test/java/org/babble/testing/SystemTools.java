package org.babble.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Programs from the system that tests drive as users have them (Debian's chromium and chromedriver, Mosquitto): found
 * at their usual paths; absent, the test skips with a message saying what to install, or fails under CI, where
 * {@code .ci/run} installs them, exactly as {@link SharedData} does for the recordings.
 */
public final class SystemTools {
    private SystemTools() {}

    /** The first of {@code candidates} that is an executable file; skips or (under CI) fails when none is. */
    public static Path require(String debianPackage, String... candidates) {
        for (String candidate : candidates) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        String absent = String.join(" or ", candidates) + " is missing (apt-get install " + debianPackage + ")";
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
            fail("CI=" + ci + " but " + absent + ": .ci/run should have installed it");
        }
        return abort("skipped: " + absent);
    }
}
