package org.babble.dataset.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.DecodedWav;
import org.babble.core.audio.WavReader;
import org.babble.core.audio.WavWriter;
import org.babble.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationCutterTest {
    private static final int RATE = 8000;

    @TempDir
    Path dir;

    private Path recording(WavWriter.Depth depth) {
        int frames = RATE * 12;
        Path file = dir.resolve("night-3.wav");
        WavWriter.write(
                file,
                new AudioClip(
                        RATE,
                        new float[][] {Signals.noise(0.1, 3, frames), Signals.chirp(50, 3500, 0.4, RATE, frames)}),
                depth);
        return file;
    }

    private static final List<Annotation> ROWS = List.of(
            new Annotation(0, 4, "room_empty", 2),
            new Annotation(4, 6.5, "crying", 3),
            new Annotation(6.5, 12, "noise", 4));

    @Test
    void clipsGoToLabelFoldersNamedForTheSplitWithExactSamplesAndDepth() {
        Path night = recording(WavWriter.Depth.PCM24);
        Path out = dir.resolve("data");
        CutResult result = AnnotationCutter.cut(night, ROWS, new CutSettings(2, 2, false), out, (done, total) -> {});
        assertEquals(Map.of("room_empty", 2, "crying", 1, "noise", 2), result.counts());
        assertEquals(
                List.of(
                        "room_empty/night-3_nohash_0.wav",
                        "room_empty/night-3_nohash_1.wav",
                        "crying/night-3_nohash_2.wav",
                        "noise/night-3_nohash_3.wav",
                        "noise/night-3_nohash_4.wav"),
                result.clips().stream()
                        .map(p -> out.relativize(p).toString().replace('\\', '/'))
                        .toList());
        AudioClip source = WavReader.read(night).clip();
        DecodedWav noise2 = WavReader.read(out.resolve("noise/night-3_nohash_4.wav"));
        assertEquals(24, noise2.format().bitsPerSample(), "source depth kept");
        assertEquals(2, noise2.clip().channelCount(), "channels kept");
        for (int c = 0; c < 2; c++) {
            int from = (int) (8.5 * RATE);
            assertArrayEquals(
                    Arrays.copyOfRange(source.channel(c), from, from + 2 * RATE),
                    noise2.clip().channel(c));
        }
        assertEquals(2.0, result.plan().droppedSeconds(), 1e-9, "0.5 s of crying and 1.5 s of noise unused");
    }

    @Test
    void monoMixdownOnRequest() {
        Path night = recording(WavWriter.Depth.PCM16);
        CutResult result = AnnotationCutter.cut(
                night, ROWS, new CutSettings(2, 2, true), dir.resolve("mono"), (done, total) -> {});
        DecodedWav clip = WavReader.read(result.clips().get(0));
        assertEquals(1, clip.clip().channelCount());
        assertEquals(16, clip.format().bitsPerSample());
    }

    @Test
    void aSecondRunNeverOverwritesTheFirst() throws IOException {
        Path night = recording(WavWriter.Depth.PCM16);
        Path out = dir.resolve("data");
        AnnotationCutter.cut(night, ROWS, new CutSettings(2, 2, false), out, (done, total) -> {});
        byte[] first = Files.readAllBytes(out.resolve("crying/night-3_nohash_2.wav"));
        CutResult again = AnnotationCutter.cut(night, ROWS, new CutSettings(2, 2, false), out, (done, total) -> {});
        assertTrue(
                again.clips().contains(out.resolve("crying/night-3_nohash_2-2.wav")),
                again.clips().toString());
        assertArrayEquals(first, Files.readAllBytes(out.resolve("crying/night-3_nohash_2.wav")));
        assertEquals(
                "night-3", AnnotationCutter.stem(Path.of("night-3_nohash_7.wav")), "split key stays the recording");
    }
}
