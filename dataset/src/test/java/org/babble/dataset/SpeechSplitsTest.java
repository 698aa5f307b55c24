package org.babble.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.babble.core.features.FeatureLayout;
import org.babble.core.features.FeatureSettings;
import org.babble.dataset.augment.AugmentSettings;
import org.babble.dataset.batch.BatchSource;
import org.babble.dataset.batch.SplitIterator;
import org.babble.dataset.index.DatasetSettings;
import org.babble.dataset.index.Example;
import org.babble.dataset.split.Split;
import org.babble.testing.SharedData;
import org.junit.jupiter.api.Test;

/** The Speech Commands subset in ../shared/data/speech, split and iterated as babble train will. */
class SpeechSplitsTest {

    @Test
    void splitsKeepEverySpeakerOnOneSideAndIterateCompletely() {
        Path speech = SharedData.require("speech");
        FeatureSettings features = FeatureSettings.defaults(16000, 1000);
        try (BatchSource source = BatchSource.open(
                DatasetSettings.defaults(speech, List.of("bed", "cat", "happy")),
                features,
                AugmentSettings.tfDefaults())) {
            source.index().summary().forEach(line -> System.out.println("speech " + line));
            source.data().report().notes(16000, 16000).forEach(line -> System.out.println("speech: " + line));
            Map<String, Split> seen = new HashMap<>();
            int clips = 0;
            for (Split split : Split.values()) {
                for (Example e : source.index().examples(split)) {
                    if (!e.isSilence()) {
                        clips++;
                        Split before = seen.putIfAbsent(e.source(), split);
                        assertTrue(before == null || before == split, e.source() + " in " + before + " and " + split);
                    }
                }
            }
            assertEquals(480 + 500 + 526, clips, "every clip of bed, cat and happy is in exactly one split");
            // Figures from TF's which_set (Python, see WhichSetTest): training 1240, validation 142, testing 124 words.
            assertEquals(1240, wordCount(source, Split.TRAINING));
            assertEquals(142, wordCount(source, Split.VALIDATION));
            assertEquals(124, wordCount(source, Split.TESTING));
            assertTrue(source.data().report().padded() > 100, "about 12% of the clips are short");
            for (Split split : Split.values()) {
                SplitIterator it = source.iterator(split, 100, FeatureLayout.CHANNELS, false, false);
                int n = 0;
                while (it.hasNext()) {
                    n += it.next().numExamples();
                }
                assertEquals(source.size(split), n, split.tfName());
            }
        }
    }

    private static int wordCount(BatchSource source, Split split) {
        Map<String, Integer> counts = source.index().counts(split);
        return counts.get("bed") + counts.get("cat") + counts.get("happy");
    }
}
