package org.babble.dataset.label;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClipPlanTest {
    private static final int RATE = 100;

    @Test
    void eachRangeIsCutIntoWholeClipsAndTheRemainderDropped() {
        ClipPlan plan = ClipPlan.of(
                List.of(new Annotation(0, 12, "a", 1), new Annotation(12, 17, "b", 2)),
                new CutSettings(5, 5, false),
                RATE,
                100 * RATE);
        assertEquals(
                List.of(
                        new ClipPiece("a", 0, 500, 1),
                        new ClipPiece("a", 500, 500, 1),
                        new ClipPiece("b", 1200, 500, 2)),
                plan.pieces());
        assertEquals(2.0, plan.droppedSeconds(), 1e-9, "the last 2 s of range a");
    }

    @Test
    void hopOverlapsClips() {
        ClipPlan plan =
                ClipPlan.of(List.of(new Annotation(0, 10, "a", 1)), new CutSettings(5, 2.5, false), RATE, 10 * RATE);
        assertEquals(
                List.of(0L, 250L, 500L),
                plan.pieces().stream().map(ClipPiece::startFrame).toList());
        assertEquals(0.0, plan.droppedSeconds(), 1e-9);
    }

    @Test
    void shortRangesAndRangesPastTheEndAreReported() {
        Annotation shortOne = new Annotation(0, 3, "a", 1);
        Annotation tooLong = new Annotation(5, 30, "b", 2);
        ClipPlan plan = ClipPlan.of(List.of(shortOne, tooLong), new CutSettings(5, 5, false), RATE, 20 * RATE);
        assertEquals(List.of(shortOne), plan.tooShort());
        assertEquals(List.of(tooLong), plan.pastEnd());
        assertEquals(
                List.of(500L, 1000L, 1500L),
                plan.pieces().stream().map(ClipPiece::startFrame).toList());
        assertEquals(3.0, plan.droppedSeconds(), 1e-9);
    }
}
