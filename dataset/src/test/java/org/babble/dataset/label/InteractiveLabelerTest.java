package org.babble.dataset.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavWriter;
import org.babble.core.capture.Playback;
import org.babble.testing.Signals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractiveLabelerTest {
    private static final List<String> LABELS = List.of("crying", "room_empty");

    @TempDir
    Path dir;

    Path clips;
    Path out;
    final StringWriter ui = new StringWriter();

    @BeforeEach
    void clips() {
        clips = dir.resolve("clips");
        out = dir.resolve("data");
        for (String name : List.of("a", "b", "c", "d")) {
            WavWriter.write(
                    clips.resolve(name + ".wav"),
                    AudioClip.mono(8000, Signals.sine(200 + name.charAt(0), 0.3, 8000, 4000)));
        }
    }

    private SessionResult session(String keys, boolean move, Playback playback) {
        LabelState state = LabelState.load(out.resolve(".state"));
        return new InteractiveLabeler(
                        new InteractiveSettings(LABELS, out, move), state, playback, new PrintWriter(ui, true))
                .run(ClipFiles.list(clips, out), KeySource.lines(new StringReader(keys)));
    }

    private List<String> folder(String label) throws IOException {
        Path folder = out.resolve(label);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void keysLabelSkipUndoAndQuitThenTheNextRunResumesAndCanUndoTheLastRun() throws IOException {
        SessionResult first = session("1\ns\nu\n2\nq\n", false, Playback.silent());
        assertEquals(Map.of("crying", 1, "room_empty", 1), first.counts());
        assertEquals(0, first.skipped(), "the skip was undone");
        assertEquals(2, first.remaining());
        assertTrue(first.quit());
        assertEquals(List.of("a.wav"), folder("crying"));
        assertEquals(List.of("b.wav"), folder("room_empty"));
        assertTrue(ui.toString().contains("dBFS"), ui.toString());
        assertTrue(ui.toString().contains("no playback"), ui.toString());

        // resume: undo b (decided in the first run), then label b, c, d; input ends without q
        SessionResult second = session("u 1 2 2", false, Playback.silent());
        assertTrue(ui.toString().contains("resuming: 2 decided before, 2 to go"), ui.toString());
        assertTrue(ui.toString().contains("undone: b.wav (was room_empty)"), ui.toString());
        assertEquals(Map.of("crying", 2, "room_empty", 2), second.counts());
        assertEquals(0, second.remaining());
        assertEquals(List.of("a.wav", "b.wav"), folder("crying"));
        assertEquals(List.of("c.wav", "d.wav"), folder("room_empty"));
        for (String name : List.of("a", "b", "c", "d")) {
            assertTrue(Files.exists(clips.resolve(name + ".wav")), "copying leaves the inputs in place");
        }
        assertArrayEquals(
                Files.readAllBytes(clips.resolve("c.wav")), Files.readAllBytes(out.resolve("room_empty/c.wav")));
    }

    @Test
    void theModelsLeastSureClipsComeFirstAndEnterAcceptsItsGuess() throws IOException {
        LabelState state = LabelState.load(out.resolve(".state"));
        Map<Path, Guess> guesses = Map.of(
                clips.resolve("a.wav"), new Guess("crying", 0.99),
                clips.resolve("b.wav"), new Guess("room_empty", 0.51),
                clips.resolve("c.wav"), new Guess("crying", 0.70),
                clips.resolve("d.wav"), new Guess("laughing", 0.60));
        SessionResult result = new InteractiveLabeler(
                        new InteractiveSettings(LABELS, out, false),
                        state,
                        Playback.silent(),
                        new PrintWriter(ui, true))
                .run(ClipFiles.list(clips, out), guesses, KeySource.lines(new StringReader("\n\n1\n\nq\n")));
        // b (0.51) first, accepted; d (0.60, a label not offered) cannot be accepted, so 1; then c (0.70) accepted
        assertEquals(List.of("b.wav"), folder("room_empty"));
        assertEquals(List.of("c.wav", "d.wav"), folder("crying"));
        assertEquals(1, result.remaining(), "a, the surest, is left");
        String shown = ui.toString();
        assertTrue(shown.indexOf("b.wav") < shown.indexOf("d.wav") && shown.indexOf("d.wav") < shown.indexOf("c.wav"));
        assertTrue(shown.contains("model: room_empty 0.51 (Enter accepts)"), shown);
        assertTrue(shown.contains("the model's guess laughing is not one of the labels"), shown);
        assertTrue(shown.contains("1 crying (1)  2 room_empty (1)"), "running counts in the prompt: " + shown);
        assertTrue(shown.contains("  bands "), shown);
    }

    @Test
    void enterWithoutAGuessSaysWhatToPress() {
        session("\nq", false, Playback.silent());
        assertTrue(ui.toString().contains("no guess to accept"), ui.toString());
    }

    @Test
    void moveTakesTheClipAndUndoPutsItBack() throws IOException {
        byte[] original = Files.readAllBytes(clips.resolve("a.wav"));
        session("1 u", true, Playback.silent());
        assertArrayEquals(original, Files.readAllBytes(clips.resolve("a.wav")), "undo moved it back");
        assertEquals(List.of(), folder("crying"));
        session("1 q", true, Playback.silent());
        assertFalse(Files.exists(clips.resolve("a.wav")));
        assertArrayEquals(original, Files.readAllBytes(out.resolve("crying/a.wav")));
    }

    @Test
    void replayPlaysAgainAndUnknownKeysAreExplained() {
        List<AudioClip> played = new ArrayList<>();
        List<Integer> stops = new ArrayList<>();
        Playback recording = new Playback() {
            @Override
            public void play(AudioClip clip) {
                played.add(clip);
            }

            @Override
            public void stop() {
                stops.add(played.size());
            }

            @Override
            public boolean audible() {
                return true;
            }

            @Override
            public void close() {}
        };
        session("r x 9 u q", false, recording);
        assertEquals(2, played.size(), "shown once, replayed once");
        assertTrue(ui.toString().contains("unknown key 'x'"));
        assertTrue(ui.toString().contains("unknown key '9'"), "only two labels exist");
        assertTrue(ui.toString().contains("nothing to undo"));
        assertEquals(List.of(2, 2, 2, 2), stops, "every key but r stops the clip playing (x, 9, u, q)");
    }

    @Test
    void settingsAreCheckedNamingTheField() {
        IllegalArgumentException tooMany = assertThrows(
                IllegalArgumentException.class,
                () -> new InteractiveSettings(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), out, false));
        assertTrue(tooMany.getMessage().startsWith("labels:"));
        assertThrows(IllegalArgumentException.class, () -> new InteractiveSettings(List.of("a", "a"), out, false));
        assertThrows(IllegalArgumentException.class, () -> new InteractiveSettings(List.of("a/b"), out, false));
    }
}
