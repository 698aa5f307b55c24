package org.babble.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real recordings in {@code ../shared/data} beside the checkout. CI always has them; a user's machine does not, and
 * tests that need them skip with a message saying so. Where the environment variable {@code CI} is set (to anything
 * but {@code false}) they fail instead, so a CI run that lost its data cannot pass by skipping what it should test.
 */
public final class SharedData {
    private SharedData() {}

    /** The data root, from the {@code babble.shared.data} system property (set by the parent pom). */
    public static Path root() {
        String configured = System.getProperty("babble.shared.data");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "shared", "data");
        return root.toAbsolutePath().normalize();
    }

    /** A path under the data root; skips the calling test when it is absent, or fails it under CI. */
    public static Path require(String relative) {
        return require(root().resolve(relative), System.getenv("CI"));
    }

    /** {@code path} when it exists; otherwise skips, or fails when {@code ci} (the variable's value) says CI. */
    static Path require(Path path, String ci) {
        if (Files.exists(path)) {
            return path;
        }
        String absent =
                path + " is absent (tests on real recordings need ../shared/data beside the checkout, as CI has it)";
        if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
            fail("CI=" + ci + " but " + absent + ": under CI these tests must run, not skip");
        }
        return abort("skipped: " + absent);
    }
}
