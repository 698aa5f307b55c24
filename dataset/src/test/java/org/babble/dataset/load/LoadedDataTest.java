package org.babble.dataset.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.babble.core.BabbleException;
import org.babble.core.audio.AudioClip;
import org.babble.core.features.FeatureSettings;
import org.babble.dataset.index.DataIndex;
import org.babble.dataset.index.DatasetSettings;
import org.babble.dataset.split.Split;
import org.babble.dataset.testing.WavTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadedDataTest {
    private static final FeatureSettings FEATURES = FeatureSettings.defaults(8000, 1000);

    @TempDir
    Path dir;

    @Test
    void shortClipsArePaddedWithZerosAndLongOnesCutBothCountedOnce() {
        WavTree tree = new WavTree(dir, 8000);
        Path shortClip = tree.clip("yes", "a_nohash_0.wav", 5000, 8000);
        tree.clip("yes", "b_nohash_0.wav", 12000, 8000);
        tree.clip("yes", "c_nohash_0.wav", 8000, 8000);
        ClipLoader loader = new ClipLoader(FEATURES, RatePolicy.REFUSE);
        float[] padded = loader.loadClip(shortClip);
        assertEquals(8000, padded.length);
        for (int i = 5000; i < 8000; i++) {
            assertEquals(0f, padded[i], "sample " + i);
        }
        assertTrue(padded[100] != 0f);
        assertEquals(8000, loader.loadClip(dir.resolve("yes/b_nohash_0.wav")).length);
        assertEquals(8000, loader.loadClip(dir.resolve("yes/c_nohash_0.wav")).length);
        LoadReport report = loader.report();
        assertEquals(3, report.loaded());
        assertEquals(1, report.padded());
        assertEquals(1, report.cut());
        List<String> notes = report.notes(8000, 8000);
        assertEquals(
                List.of(
                        "1 of 3 clips shorter than 8000 samples were zero-padded",
                        "1 of 3 clips longer than 8000 samples were cut"),
                notes);
    }

    @Test
    void stereoIsMixedDownToMono() {
        WavTree tree = new WavTree(dir, 8000);
        Path file = dir.resolve("yes/st_nohash_0.wav");
        float[] left = new float[8000];
        float[] right = new float[8000];
        java.util.Arrays.fill(left, 0.5f);
        java.util.Arrays.fill(right, -0.25f);
        tree.write(file, new AudioClip(8000, new float[][] {left, right}));
        ClipLoader loader = new ClipLoader(FEATURES, RatePolicy.REFUSE);
        assertEquals(0.125f, loader.loadClip(file)[10], 1e-4f);
        assertEquals(1, loader.report().mixedDown());
    }

    @Test
    void anotherRateIsRefusedWithTheRemedyOrResampledWithOneNote() {
        Path file = new WavTree(dir, 8000).clip("yes", "r_nohash_0.wav", 16000, 16000);
        BabbleException e =
                assertThrows(BabbleException.class, () -> new ClipLoader(FEATURES, RatePolicy.REFUSE).loadClip(file));
        assertTrue(e.getMessage().contains("16000 Hz") && e.getMessage().contains("sox"), e.getMessage());

        ClipLoader loader = new ClipLoader(FEATURES, RatePolicy.RESAMPLE);
        float[] clip = loader.loadClip(file);
        assertEquals(8000, clip.length);
        loader.loadClip(file);
        assertEquals(Map.of(16000, 2), loader.report().resampled());
        assertEquals(
                List.of("2 clips at 16000 Hz were resampled to 8000 Hz"),
                loader.report().notes(8000, 8000));
    }

    @Test
    void unreadableClipsAreSkippedAndCountedUnderTheLimit() {
        WavTree tree = new WavTree(dir, 8000).folder("yes", 120, 1, 8000).folder("no", 120, 1, 8000);
        Path broken = tree.file("yes", "broken_nohash_0.wav", "not audio".getBytes(StandardCharsets.US_ASCII));
        DatasetSettings settings =
                DatasetSettings.defaults(dir, List.of("yes", "no")).withAllowEmptyClasses(true);
        DataIndex index = DataIndex.build(settings);
        LoadedData data = LoadedData.load(index, new ClipLoader(FEATURES, RatePolicy.REFUSE));
        assertEquals(1, data.report().unreadable().size());
        assertTrue(
                data.report().unreadable().get(0).startsWith(broken.toString()),
                data.report().unreadable().get(0));
        for (Split split : Split.values()) {
            data.index()
                    .examples(split)
                    .forEach(e -> assertTrue(e.isSilence() || !e.file().equals(broken)));
        }
    }

    @Test
    void tooManyUnreadableClipsStopWithTheList() {
        WavTree tree = new WavTree(dir, 8000).folder("yes", 30, 1, 8000).folder("no", 30, 1, 8000);
        tree.file("yes", "bad1_nohash_0.wav", new byte[0]);
        tree.file("no", "bad2_nohash_0.wav", "text".getBytes(StandardCharsets.US_ASCII));
        DataIndex index = DataIndex.build(
                DatasetSettings.defaults(dir, List.of("yes", "no")).withAllowEmptyClasses(true));
        BabbleException e = assertThrows(
                BabbleException.class, () -> LoadedData.load(index, new ClipLoader(FEATURES, RatePolicy.REFUSE)));
        assertTrue(
                e.getMessage().contains("2 of 62 clips")
                        && e.getMessage().contains("bad1_nohash_0.wav")
                        && e.getMessage().contains("bad2_nohash_0.wav"),
                e.getMessage());
    }

    @Test
    void silenceHasZeroAudioOfClipLength() {
        new WavTree(dir, 8000).folder("yes", 40, 1, 8000);
        DataIndex index =
                DataIndex.build(DatasetSettings.defaults(dir, List.of("yes")).withAllowEmptyClasses(true));
        LoadedData data = LoadedData.load(index, new ClipLoader(FEATURES, RatePolicy.REFUSE));
        var silence = data.index().examples(Split.TRAINING).stream()
                .filter(e -> e.isSilence())
                .findFirst()
                .get();
        assertArrayEquals(new float[8000], data.audio(silence));
    }
}
