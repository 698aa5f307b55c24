package org.babble.dataset.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.babble.core.BabbleException;
import org.babble.dataset.split.Split;
import org.babble.dataset.split.WhichSet;
import org.babble.dataset.testing.WavTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataIndexTest {
    @TempDir
    Path dir;

    @BeforeEach
    void makeTree() {
        new WavTree(dir, 8000)
                .folder("yes", 40, 2, 800)
                .folder("no", 40, 2, 800)
                .folder("up", 30, 1, 800)
                .folder("down", 30, 1, 800)
                .folder("_background_noise_", 1, 1, 16000)
                .folder("_ignored_", 3, 1, 800);
    }

    private DataIndex index() {
        return DataIndex.build(DatasetSettings.defaults(dir, List.of("yes", "no")));
    }

    @Test
    void labelsAreSilenceUnknownThenWantedWordsInOrder() {
        assertEquals(List.of("_silence_", "_unknown_", "yes", "no"), index().labels());
    }

    @Test
    void wantedWordsKeepTheirFolderAndHashSplit() {
        DataIndex index = index();
        for (Split split : Split.values()) {
            int wanted = 0;
            for (Example e : index.examples(split)) {
                assertEquals(split, e.split());
                if (e.isSilence()) {
                    continue;
                }
                assertEquals(
                        split,
                        WhichSet.of(e.file().getFileName().toString(), 10, 10),
                        e.file().toString());
                assertEquals(index.labels().get(e.labelIndex()), e.label());
                if (e.label().equals("yes") || e.label().equals("no")) {
                    assertEquals(e.label(), e.folder());
                    wanted++;
                } else {
                    assertEquals("_unknown_", e.label());
                    assertTrue(List.of("up", "down").contains(e.folder()), e.folder());
                }
            }
            // All 160 wanted clips are in some split.
            assertTrue(wanted > 0, split + " has wanted words");
        }
        int all = 0;
        for (Split split : Split.values()) {
            Map<String, Integer> counts = index.counts(split);
            all += counts.get("yes") + counts.get("no");
        }
        assertEquals(160, all);
    }

    @Test
    void silenceAndUnknownAreTenPercentOfEachSplitsWantedCountRoundedUp() {
        DataIndex index = index();
        Map<Split, Integer> unknownAvailable = new HashMap<>();
        for (String folder : List.of("up", "down")) {
            for (int s = 0; s < 30; s++) {
                unknownAvailable.merge(WhichSet.of(folder + "spk" + s + "_nohash_0.wav", 10, 10), 1, Integer::sum);
            }
        }
        for (Split split : Split.values()) {
            Map<String, Integer> counts = index.counts(split);
            int wanted = counts.get("yes") + counts.get("no");
            int expected = (int) Math.ceil(wanted * 10 / 100.0);
            assertEquals(expected, counts.get("_silence_"), split + " silence");
            assertEquals(
                    Math.min(expected, unknownAvailable.getOrDefault(split, 0)),
                    counts.get("_unknown_"),
                    split + " unknown");
        }
        assertEquals(1, index.backgroundNoiseFiles().size());
        assertEquals(List.of("down", "no", "up", "yes"), index.folders(), "folders starting with _ are not labels");
    }

    @Test
    void noSpeakerAppearsInTwoSplits() {
        DataIndex index = index();
        Map<String, Split> seen = new HashMap<>();
        for (Split split : Split.values()) {
            for (Example e : index.examples(split)) {
                if (!e.isSilence()) {
                    Split before = seen.putIfAbsent(e.source(), split);
                    assertTrue(before == null || before == split, e.source() + " in " + before + " and " + split);
                }
            }
        }
    }

    @Test
    void theSeedDecidesTheOrderAndTheSameSeedRepeatsIt() {
        DatasetSettings settings = DatasetSettings.defaults(dir, List.of("yes", "no"));
        assertEquals(
                DataIndex.build(settings).examples(Split.TRAINING),
                DataIndex.build(settings).examples(Split.TRAINING));
        assertNotEquals(
                DataIndex.build(settings).examples(Split.TRAINING),
                DataIndex.build(settings.withSeed(7)).examples(Split.TRAINING));
    }

    @Test
    void aWantedWordWithoutAFolderStopsListingTheFolders() {
        BabbleException e = assertThrows(
                BabbleException.class, () -> DataIndex.build(DatasetSettings.defaults(dir, List.of("yes", "maybe"))));
        assertTrue(e.getMessage().contains("'maybe'"), e.getMessage());
        assertTrue(e.getMessage().contains("down, no, up, yes"), e.getMessage());
    }

    @Test
    void aClassMissingFromASplitStopsNamingClassAndSplit() {
        // Every clip of "one" comes from one recording, so all land in one split: training for "solo".
        new WavTree(dir, 8000).folder("one", 0, 0, 800);
        for (int i = 0; i < 5; i++) {
            new WavTree(dir, 8000).clip("one", "solo_nohash_" + i + ".wav", 800, 8000);
        }
        assertEquals(Split.TRAINING, WhichSet.of("solo_nohash_0.wav", 10, 10));
        DatasetSettings settings = DatasetSettings.defaults(dir, List.of("yes", "one"));
        BabbleException e = assertThrows(BabbleException.class, () -> DataIndex.build(settings));
        assertTrue(e.getMessage().contains("'one'") && e.getMessage().contains("validation"), e.getMessage());
        DataIndex allowed = DataIndex.build(settings.withAllowEmptyClasses(true));
        assertEquals(5, allowed.counts(Split.TRAINING).get("one"));
    }

    @Test
    void noUnknownFoldersMeansNoUnknownExamplesAndNoError() {
        DataIndex index = DataIndex.build(DatasetSettings.defaults(dir, List.of("yes", "no", "up", "down")));
        for (Split split : Split.values()) {
            assertEquals(0, index.counts(split).get("_unknown_"));
        }
    }

    @Test
    void badSettingsNameTheField() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> DatasetSettings.defaults(dir, List.of("yes")).withPercentages(10, 10, 60, 50));
        assertTrue(e.getMessage().contains("validationPercentage + testingPercentage"), e.getMessage());
    }

    @Test
    void everyHardNegativeIsAnUnknownTwiceInTrainingAndOnceElsewhereWhateverTheUnknownPercentage() {
        new WavTree(dir, 8000).folder("_hard_negative_", 60, 1, 800);
        DatasetSettings settings = DatasetSettings.defaults(dir, List.of("yes", "no", "up", "down"))
                .withPercentages(10, 0, 10, 10);
        DataIndex index = DataIndex.build(settings);
        int[] expected = new int[Split.values().length];
        for (int s = 0; s < 60; s++) {
            Split split = WhichSet.of("_hard_negative_spk" + s + "_nohash_0.wav", 10, 10);
            expected[split.ordinal()] += split == Split.TRAINING ? Labels.HARD_NEGATIVE_WEIGHT : 1;
        }
        for (Split split : Split.values()) {
            List<Example> hard = index.examples(split).stream()
                    .filter(e -> e.folder().equals("_hard_negative_"))
                    .toList();
            assertEquals(expected[split.ordinal()], hard.size(), split.tfName());
            assertEquals(hard.size(), index.counts(split).get("_unknown_"), "only hard negatives are unknowns here");
            hard.forEach(e -> assertEquals(Labels.UNKNOWN_INDEX, e.labelIndex()));
        }
        assertTrue(expected[Split.TRAINING.ordinal()] > 0 && expected[Split.TESTING.ordinal()] > 0);
    }
}
