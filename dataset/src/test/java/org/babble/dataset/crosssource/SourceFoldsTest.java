package org.babble.dataset.crosssource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.babble.dataset.index.Example;
import org.babble.dataset.split.Split;
import org.junit.jupiter.api.Test;

/** Grouped K-fold over recordings: a recording is tested by one fold only, and the dealing needs no random draw. */
class SourceFoldsTest {
    private static final List<String> CLASSES = List.of("crying", "laughing", "noise");

    private static void add(List<Example> clips, String label, String source, int count) {
        for (int i = 0; i < count; i++) {
            clips.add(new Example(
                    Path.of(label, source + "_nohash_" + i + ".wav"),
                    CLASSES.indexOf(label) + 2,
                    label,
                    label,
                    Split.TRAINING));
        }
    }

    private static List<Example> nurseryLike() {
        List<Example> clips = new ArrayList<>();
        add(clips, "crying", "margot", 27);
        add(clips, "crying", "v2017", 26);
        add(clips, "crying", "louise01", 15);
        add(clips, "crying", "esc1", 3);
        add(clips, "crying", "esc2", 2);
        add(clips, "laughing", "laugh1", 88);
        add(clips, "noise", "esc3", 2);
        add(clips, "noise", "esc4", 2);
        add(clips, "noise", "esc5", 1);
        return clips;
    }

    @Test
    void largestRecordingsAreDealtFirstOntoTheFoldWithFewestClips() {
        SourceFolds folds = SourceFolds.deal(nurseryLike(), CLASSES, 3);
        assertEquals(Set.of("margot", "esc3"), folds.testSources(0));
        assertEquals(Set.of("v2017", "esc4"), folds.testSources(1));
        assertEquals(Set.of("louise01", "esc1", "esc2", "esc5"), folds.testSources(2));
    }

    @Test
    void aClassOfOneRecordingIsNamedAndNeverTestedUnseen() {
        List<Example> clips = nurseryLike();
        SourceFolds folds = SourceFolds.deal(clips, CLASSES, 3);
        assertEquals(List.of("laughing"), folds.singleSourceClasses());
        assertEquals(List.of("crying", "noise"), folds.multiSourceClasses());
        for (int fold = 0; fold < 3; fold++) {
            int f = fold;
            assertTrue(clips.stream().filter(c -> c.label().equals("laughing")).noneMatch(c -> folds.isTestedBy(c, f)));
        }
    }

    @Test
    void everyClipOfAMultiRecordingClassIsTestedByExactlyOneFold() {
        List<Example> clips = nurseryLike();
        SourceFolds folds = SourceFolds.deal(clips, CLASSES, 3);
        for (Example clip : clips) {
            long testedBy = java.util.stream.IntStream.range(0, 3)
                    .filter(f -> folds.isTestedBy(clip, f))
                    .count();
            assertEquals(
                    clip.label().equals("laughing") ? 0 : 1,
                    testedBy,
                    clip.file().toString());
        }
    }

    @Test
    void theSameClipsGiveTheSameFolds() {
        SourceFolds a = SourceFolds.deal(nurseryLike(), CLASSES, 3);
        List<Example> reversed = new ArrayList<>(nurseryLike());
        java.util.Collections.reverse(reversed);
        SourceFolds b = SourceFolds.deal(reversed, CLASSES, 3);
        for (int fold = 0; fold < 3; fold++) {
            assertEquals(a.testSources(fold), b.testSources(fold));
        }
        assertFalse(a.testSources(0).isEmpty());
    }

    @Test
    void fewerThanTwoFoldsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SourceFolds.deal(nurseryLike(), CLASSES, 1));
    }
}
