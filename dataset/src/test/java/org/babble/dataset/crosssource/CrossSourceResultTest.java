package org.babble.dataset.crosssource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.babble.core.evaluate.Scores;
import org.babble.dataset.index.Example;
import org.babble.dataset.split.Split;
import org.junit.jupiter.api.Test;

/** Figures summed over folds, each class labelled by how it was tested, with the advice a user acts on. */
class CrossSourceResultTest {
    private static final List<String> LABELS = List.of("_silence_", "_unknown_", "crying", "laughing");

    private static Example clip(String label, String source, int i) {
        return new Example(
                Path.of(label, source + "_nohash_" + i + ".wav"), LABELS.indexOf(label), label, label, Split.TRAINING);
    }

    /** Scores whose top label is {@code predicted[i]} for a clip of truth {@code truth[i]}. */
    private static Scores scores(int[] truth, int[] predicted) {
        float[][] values = new float[truth.length][LABELS.size()];
        for (int i = 0; i < truth.length; i++) {
            values[i][predicted[i]] = 1;
        }
        return new Scores(LABELS, truth, values);
    }

    @Test
    void recallPrecisionAndAdviceComeFromTheSummedFolds() {
        List<Example> clips = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clips.add(clip("crying", "a", i));
            clips.add(clip("crying", "b", i));
        }
        for (int i = 0; i < 6; i++) {
            clips.add(clip("laughing", "laugh1", i));
        }
        SourceFolds folds = SourceFolds.deal(clips, List.of("crying", "laughing"), 2);
        // fold 0 finds 3 of its 4 unseen cries, fold 1 all 4; each calls one of its 2 laughing test clips crying
        var fold0 = new CrossSourceResult.FoldScores(
                0,
                scores(new int[] {2, 2, 2, 2}, new int[] {2, 2, 2, 3}),
                Collections.nCopies(4, "a"),
                scores(new int[] {3, 3}, new int[] {3, 2}));
        var fold1 = new CrossSourceResult.FoldScores(
                1,
                scores(new int[] {2, 2, 2, 2}, new int[] {2, 2, 2, 2}),
                Collections.nCopies(4, "b"),
                scores(new int[] {3, 3}, new int[] {3, 2}));
        CrossSourceResult result = CrossSourceResult.of(folds, LABELS, List.of(fold0, fold1));

        CrossSourceResult.ClassResult crying = result.of("crying");
        assertEquals(CrossSourceResult.Tested.UNSEEN_SOURCES, crying.tested());
        assertEquals(2, crying.sources());
        assertEquals(8, crying.clips());
        assertEquals(7 / 8.0, crying.recall(), 1e-12);
        assertEquals(7 / 9.0, crying.precision(), 1e-12, "the two laughs called crying count against it");
        assertTrue(crying.advice().startsWith("crying: only 2 recordings"), crying.advice());

        CrossSourceResult.ClassResult laughing = result.of("laughing");
        assertEquals(CrossSourceResult.Tested.SAME_RECORDING, laughing.tested());
        assertEquals(0.5, laughing.recall(), 1e-12);
        assertEquals("laughing: one recording only — record laughing on another day", laughing.advice());

        assertEquals(8, result.unseen().total(), "only cries were scored unseen");
        assertEquals(12, result.confusion().total());
    }

    @Test
    void unseenRecordingsCalledAnotherLabelAreNamedMostMistakenFirst() {
        List<Example> clips = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clips.add(clip("crying", "a", i));
            clips.add(clip("crying", "b", i));
            clips.add(clip("laughing", "c", i));
        }
        SourceFolds folds = SourceFolds.deal(clips, List.of("crying", "laughing"), 2);
        // a: 2 of 4 cries called laughing; b: 3 of 4 called laughing, 1 silence; c: every laugh right
        var fold0 = new CrossSourceResult.FoldScores(
                0,
                scores(new int[] {2, 2, 2, 2, 3, 3}, new int[] {2, 2, 3, 3, 3, 3}),
                List.of("a", "a", "a", "a", "c", "c"),
                null);
        var fold1 = new CrossSourceResult.FoldScores(
                1,
                scores(new int[] {2, 2, 2, 2, 3, 3}, new int[] {3, 3, 3, 0, 3, 3}),
                List.of("b", "b", "b", "b", "c", "c"),
                null);
        CrossSourceResult result = CrossSourceResult.of(folds, LABELS, List.of(fold0, fold1));

        assertEquals(
                List.of(
                        new CrossSourceResult.MistakenRecording("crying", "b", 4, "laughing", 3),
                        new CrossSourceResult.MistakenRecording("crying", "a", 4, "laughing", 2)),
                result.mistaken());
        assertEquals(result.mistaken(), result.calledAs("laughing"));
        assertEquals(List.of(), result.calledAs("crying"), "no laugh was called crying");
        assertEquals(
                List.of(
                        "laughing: 2 unseen recordings of other classes called laughing, most often crying b (3 of 4 clips),"
                                + " crying a (2 of 4 clips) — record more sounds like them, as crying"),
                result.falseAlarmAdvice());
    }

    @Test
    void aFoldNamesOneRecordingPerUnseenClip() {
        Scores two = scores(new int[] {2, 2}, new int[] {2, 2});
        assertThrows(
                IllegalArgumentException.class, () -> new CrossSourceResult.FoldScores(0, two, List.of("a"), null));
    }
}
