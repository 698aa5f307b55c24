package org.babble.dataset.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavWriter;
import org.babble.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The actions both labelling modes share: order, label, skip, undo, and a second session on the same state. */
class LabelSessionTest {
    private static final List<String> LABELS = List.of("crying", "room_empty");

    @TempDir
    Path dir;

    private List<Path> clips() {
        Path in = dir.resolve("in");
        for (String name : List.of("a", "b", "c")) {
            WavWriter.write(in.resolve(name + ".wav"), AudioClip.mono(8000, Signals.sine(300, 0.3, 8000, 800)));
        }
        return ClipFiles.list(in, dir.resolve("out"));
    }

    private LabelSession session(List<Path> clips, Map<Path, Guess> guesses, boolean move) {
        Path out = dir.resolve("out");
        return new LabelSession(
                new InteractiveSettings(LABELS, out, move), LabelState.load(out.resolve(".state")), clips, guesses);
    }

    @Test
    void theModelsLeastSureClipComesFirstAndOnlyALabelsGuessIsAcceptable() {
        List<Path> clips = clips();
        LabelSession session = session(
                clips,
                Map.of(
                        clips.get(0),
                        new Guess("crying", 0.9),
                        clips.get(1),
                        new Guess("dog", 0.4),
                        clips.get(2),
                        new Guess("room_empty", 0.6)),
                false);
        assertEquals("b.wav", session.current().orElseThrow().getFileName().toString());
        assertEquals(Optional.empty(), session.acceptable(session.current().orElseThrow()), "dog is not a label");
        session.skip();
        assertEquals("c.wav", session.current().orElseThrow().getFileName().toString());
        assertEquals(
                "room_empty",
                session.acceptable(session.current().orElseThrow())
                        .orElseThrow()
                        .label());
        assertEquals(2, session.position());
    }

    @Test
    void undoMovesAMovedClipBackAndANewSessionResumesOnTheSameState() {
        List<Path> clips = clips();
        LabelSession first = session(clips, Map.of(), true);
        Placement placed = first.label("crying");
        assertFalse(Files.exists(clips.get(0)), "--move: the original is gone");
        assertTrue(Files.isRegularFile(placed.destination()));
        first.label("room_empty");

        LabelSession second = session(clips, Map.of(), true);
        assertEquals(clips.get(2), second.current().orElseThrow(), "the second session starts after the first's");
        assertEquals(Map.of("crying", 1, "room_empty", 1), second.counts());
        assertEquals("room_empty", second.undo().orElseThrow().label());
        assertTrue(Files.isRegularFile(clips.get(1)), "the moved clip is back");
        assertEquals(clips.get(1), second.current().orElseThrow(), "and comes up again");
        assertEquals(1, second.undo().stream().count());
        assertTrue(Files.isRegularFile(clips.get(0)));
        assertTrue(second.undo().isEmpty());
        assertEquals(3, second.remaining());
        assertEquals(List.of(), LabelState.load(dir.resolve("out/.state")).decisions());
    }
}
