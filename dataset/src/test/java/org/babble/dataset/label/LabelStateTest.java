package org.babble.dataset.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.babble.core.BabbleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelStateTest {
    @TempDir
    Path dir;

    @Test
    void decisionsSurviveAReloadAndUndoIsSavedToo() {
        Path file = dir.resolve("state.tsv");
        LabelState state = LabelState.load(file);
        Placement copied = new Placement(dir.resolve("a b.wav"), "crying", dir.resolve("out/crying/a b.wav"), false);
        Placement moved = new Placement(dir.resolve("c.wav"), "room_empty", dir.resolve("out/room_empty/c.wav"), true);
        state.add(copied);
        state.add(Placement.skipped(dir.resolve("b.wav")));
        state.add(moved);
        assertEquals(
                List.of(copied, Placement.skipped(dir.resolve("b.wav")), moved),
                LabelState.load(file).decisions());
        assertEquals(moved, state.removeLast().orElseThrow());
        LabelState reloaded = LabelState.load(file);
        assertEquals(Set.of(dir.resolve("a b.wav"), dir.resolve("b.wav")), reloaded.decidedSources());
        reloaded.removeLast();
        reloaded.removeLast();
        assertTrue(reloaded.removeLast().isEmpty(), "nothing left to undo");
    }

    @Test
    void aStateFileThatIsNotOneSaysWhichLine() throws IOException {
        Path file = Files.writeString(dir.resolve("state.tsv"), "# babble label state v1\nskip\t/x.wav\nhello\n");
        BabbleException e = assertThrows(BabbleException.class, () -> LabelState.load(file));
        assertTrue(e.getMessage().contains("line 3 is not a labelling decision"), e.getMessage());
    }
}
