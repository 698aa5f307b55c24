package org.babble.core.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.babble.core.inference.WindowScores;
import org.junit.jupiter.api.Test;

class OperatingPointSweepTest {
    /**
     * A night whose crying scores 0.95 in true episodes and whose room scores 0.6 for crying in single windows now and
     * then: a low threshold finds everything and raises alarms on the room, a high one raises none.
     */
    private static RecordingScores night() {
        List<WindowScores> windows = new ArrayList<>(DetectionsTest.windows(600, 100, 101, 102, 300, 301, 302));
        for (int i = 0; i < windows.size(); i++) {
            WindowScores w = windows.get(i);
            if (i % 97 == 5 && w.scores()[2] < 0.5f) {
                windows.set(i, new WindowScores(w.startMs(), w.endMs(), new float[] {0.05f, 0.35f, 0.6f}));
                windows.set(
                        i + 1, new WindowScores(w.startMs() + 500, w.endMs() + 500, new float[] {0.05f, 0.35f, 0.6f}));
            }
        }
        return new RecordingScores(
                "night",
                600_000,
                windows,
                List.of(new TruthEpisode("crying", 100_000, 103_000), new TruthEpisode("crying", 300_000, 303_000)));
    }

    @Test
    void theBudgetPicksTheSettingThatMissesLeastWithinIt() {
        SweepGrid grid = SweepGrid.forWindows(1000, 500);
        OperatingPointSweep sweep = OperatingPointSweep.run("crying", DetectionsTest.LABELS, List.of(night()), grid, 0);
        assertEquals(grid.settings().size(), sweep.points().size());
        OperatingPointSweep.Point strict = sweep.best(0).orElseThrow();
        assertEquals(0, strict.figures().falseAlarms(), strict.toString());
        assertEquals(0, strict.figures().missed(), strict.toString());
        assertTrue(strict.settings().detectionThreshold() >= 0.6, strict.toString());
        boolean someLowSettingFiresOnTheRoom = sweep.points().stream()
                .anyMatch(p -> p.figures().falseAlarms() > 0 && p.figures().missed() == 0);
        assertTrue(someLowSettingFiresOnTheRoom);
    }

    @Test
    void theFrontierFallsInMissRateAsFalseAlarmsRise() {
        OperatingPointSweep sweep = OperatingPointSweep.run(
                "crying", DetectionsTest.LABELS, List.of(night()), SweepGrid.forWindows(1000, 500), 0);
        List<OperatingPointSweep.Point> frontier = sweep.frontier();
        for (int i = 1; i < frontier.size(); i++) {
            LabelFigures here = frontier.get(i).figures();
            LabelFigures before = frontier.get(i - 1).figures();
            assertTrue(here.falseAlarmsPerHour() >= before.falseAlarmsPerHour());
            assertTrue(here.missRate() < before.missRate());
        }
        for (OperatingPointSweep.Point p : sweep.points()) {
            LabelFigures q = p.figures();
            assertTrue(
                    frontier.stream()
                            .anyMatch(f -> f.figures().falseAlarmsPerHour() <= q.falseAlarmsPerHour()
                                    && f.figures().missRate() <= q.missRate()),
                    "nothing on the frontier beats " + p);
        }
    }

    @Test
    void noSettingWithinAnImpossibleBudgetGivesNone() {
        RecordingScores everythingFires =
                new RecordingScores("noisy", 60_000, DetectionsTest.windows(60, 5, 6, 20, 21, 40, 41), List.of());
        OperatingPointSweep sweep = OperatingPointSweep.run(
                "crying",
                DetectionsTest.LABELS,
                List.of(everythingFires),
                new SweepGrid(List.of(0.5), List.of(1000L), List.of(1), List.of(1000L)),
                0);
        assertTrue(sweep.best(1).isEmpty(), sweep.points().toString());
        assertEquals(3, sweep.points().get(0).figures().falseAlarms());
    }
}
