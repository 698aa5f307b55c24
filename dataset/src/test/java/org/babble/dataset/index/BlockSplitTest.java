package org.babble.dataset.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.babble.dataset.split.Split;
import org.babble.dataset.testing.WavTree;
import org.babble.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockSplitTest {
    @TempDir
    Path dir;

    @Test
    void aClassRecordedOnceIsHeldOutFromTheEndOfItsRecordingWithGuardsBetweenBlocks() {
        WavTree tree = new WavTree(dir, 8000).folder("yes", 40, 1, 800);
        for (int n = 0; n < 50; n++) {
            tree.clip("hum", "onenight_nohash_" + n + ".wav", 800, 8000);
        }
        DataIndex index = DataIndex.build(DatasetSettings.defaults(dir, List.of("yes", "hum")));

        List<Long> testing = positions(index, Split.TESTING);
        List<Long> validation = positions(index, Split.VALIDATION);
        List<Long> training = positions(index, Split.TRAINING);
        assertEquals(List.of(45L, 46L, 47L, 48L, 49L), testing, "the last 10% of the night is for testing");
        assertEquals(List.of(36L, 37L, 38L, 39L, 40L), validation, "the 10% before it, after a guard, for validation");
        assertEquals(32, training.size(), "positions 0..31; 32..35 and 41..44 are the guards");
        assertTrue(training.stream().allMatch(p -> p < 32), training.toString());
        assertEquals(1, index.notes().size());
        assertTrue(
                index.notes().get(0).startsWith("hum: all 50 clips come from 1 recording"),
                index.notes().get(0));
    }

    @Test
    void classesFromManyRecordingsKeepTheHashSplit() {
        new WavTree(dir, 8000).folder("yes", 40, 2, 800).folder("no", 40, 2, 800);
        assertEquals(
                List.of(),
                DataIndex.build(DatasetSettings.defaults(dir, List.of("yes", "no")))
                        .notes());
    }

    @Test
    void numbersAfterNohashOrderClipsInTime() {
        assertEquals(12, BlockSplit.position("laugh1_nohash_12.wav"));
        assertEquals(0, BlockSplit.position("a_nohash_0.wav"));
        assertEquals(-1, BlockSplit.position("a_nohash_B.wav"));
        assertEquals(-1, BlockSplit.position("plain.wav"));
    }

    @Test
    void theNurseryHasEveryWantedClassAndSilenceInEverySplit() {
        Path nursery = SharedData.require("nursery");
        DataIndex index = DataIndex.build(
                DatasetSettings.defaults(nursery, List.of("crying", "laughing", "noise", "room_empty")));
        for (Split split : Split.values()) {
            Map<String, Integer> counts = index.counts(split);
            counts.forEach((label, n) ->
                    assertTrue(n > 0 || label.equals("_unknown_"), label + " empty in " + split + ": " + counts));
        }
        assertEquals(2, index.notes().size(), "laughing and room_empty are single recordings: " + index.notes());
    }

    private static List<Long> positions(DataIndex index, Split split) {
        return index.examples(split).stream()
                .filter(e -> "hum".equals(e.folder()))
                .map(e -> BlockSplit.position(e.file().getFileName().toString()))
                .sorted()
                .toList();
    }
}
