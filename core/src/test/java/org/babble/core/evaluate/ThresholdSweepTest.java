package org.babble.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdSweepTest {
    /** Scores of "b": 0.9 (b), 0.8 (a), 0.7 (b), 0.6 (a): 3 of the 4 (b, a) pairs are ordered right, so AUC = 0.75. */
    private final Scores scores = new Scores(List.of("a", "b"), new int[] {1, 0, 1, 0}, new float[][] {
        {0.1f, 0.9f}, {0.2f, 0.8f}, {0.3f, 0.7f}, {0.4f, 0.6f}
    });

    @Test
    void areaUnderTheCurveCountsCorrectlyOrderedPairs() {
        ThresholdSweep sweep = ThresholdSweep.of(scores, "b");
        assertEquals(0.75, sweep.auc(), 1e-12);
        assertEquals(5, sweep.points().size());
    }

    @Test
    void suggestedThresholdKeepsFalseAlarmsWithinTarget() {
        ThresholdSweep.Point p = ThresholdSweep.of(scores, "b").atFalseAlarmRate(0.0);
        assertEquals(0.9, p.threshold(), 1e-6);
        assertEquals(0.5, p.truePositiveRate());
        assertEquals(0.0, p.falsePositiveRate());
        ThresholdSweep.Point half = ThresholdSweep.of(scores, "b").atFalseAlarmRate(0.5);
        assertEquals(0.7, half.threshold(), 1e-6);
        assertEquals(1.0, half.truePositiveRate());
    }

    @Test
    void perClassFiguresComeFromTheConfusion() {
        // predictions: b, b, b, b (b always scores higher)
        List<ClassMetrics> metrics = ClassMetrics.of(scores.confusion());
        assertEquals(new ClassMetrics("a", 2, 0, 0, 0), metrics.get(0));
        ClassMetrics b = metrics.get(1);
        assertEquals(0.5, b.precision(), 1e-12);
        assertEquals(1.0, b.recall(), 1e-12);
        assertEquals(2 / 3.0, b.f1(), 1e-12);
    }
}
