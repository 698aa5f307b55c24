package org.babble.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class SharedDataTest {
    @TempDir
    Path dir;

    @Test
    void presentDataIsReturnedWhetherOrNotUnderCi() throws IOException {
        Path nursery = Files.createDirectory(dir.resolve("nursery"));
        assertEquals(nursery, SharedData.require(nursery, null));
        assertEquals(nursery, SharedData.require(nursery, "true"));
    }

    @Test
    void absentDataSkipsOffCiAndWhenCiIsFalse() {
        Path absent = dir.resolve("nursery");
        assertThrows(TestAbortedException.class, () -> SharedData.require(absent, null));
        assertThrows(TestAbortedException.class, () -> SharedData.require(absent, ""));
        assertThrows(TestAbortedException.class, () -> SharedData.require(absent, "false"));
    }

    @Test
    void absentDataFailsUnderCiNamingThePath() {
        Path absent = dir.resolve("nursery");
        AssertionFailedError failure =
                assertThrows(AssertionFailedError.class, () -> SharedData.require(absent, "true"));
        assertTrue(failure.getMessage().contains(absent.toString()), failure.getMessage());
        assertTrue(failure.getMessage().startsWith("CI=true but "), failure.getMessage());
    }
}
