package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, end to end: it must run every real step and get the unseen sounds right. */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void theDemoRunsThePipelineAndClassifiesUnseenSoundsCorrectly() {
        Path work = dir.resolve("demo");
        CliRun run = CliRun.of("demo", "--work", work.toString()).expectExit(ExitCode.OK);
        String out = run.out();
        for (String step :
                List.of("babble clean ", "babble stats ", "babble train ", "babble freeze ", "babble classify ")) {
            assertTrue(out.contains(step), () -> "no '" + step + "' step in\n" + out);
        }
        assertTrue(out.contains("Final test accuracy = "), out);
        for (String label : List.of("crying", "noise", "room_empty")) {
            String header = "==> " + work.resolve("fresh").resolve(label + ".wav") + " <==";
            int at = out.indexOf(header);
            assertTrue(at >= 0, () -> "no result for the unseen " + label + " clip\n" + out);
            String top = out.substring(at + header.length())
                    .strip()
                    .lines()
                    .findFirst()
                    .orElseThrow();
            assertTrue(top.startsWith(label + " (score = "), () -> "unseen " + label + " clip called: " + top);
        }
        assertTrue(Files.isRegularFile(work.resolve("model.babble")));
    }

    @Test
    void aFolderTheDemoDidNotMakeIsLeftAlone() throws IOException {
        Path precious = Files.writeString(dir.resolve("notes.txt"), "mine");
        CliRun run = CliRun.of("demo", "--work", dir.toString()).expectExit(ExitCode.FAILED);
        assertTrue(run.err().contains("was not made by babble demo"), run.err());
        assertEquals("mine", Files.readString(precious));
    }
}
