package org.babble.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.babble.core.model.Architecture;
import org.junit.jupiter.api.Test;

class TrainSettingsTest {
    @Test
    void phasesFollowHowManyTrainingSteps() {
        TrainSettings s = TrainSettings.defaults().withSteps(List.of(400, 50), List.of(0.001, 0.0001));
        assertEquals(450, s.totalSteps());
        assertEquals(0, s.phaseOf(1));
        assertEquals(0, s.phaseOf(400));
        assertEquals(1, s.phaseOf(401));
        assertEquals(0.0001, s.learningRateAt(450));
    }

    @Test
    void aPhaseOfZeroStepsIsAcceptedAsTensorFlowDoesAndItsRateIsNeverUsed() {
        // TF's --how_many_training_steps=1000,0, and zero phases first or in the middle: each step gets the rate of
        // the phase that holds it
        TrainSettings end = TrainSettings.defaults().withSteps(List.of(1000, 0), List.of(0.001, 0.5));
        TrainSettings first = TrainSettings.defaults().withSteps(List.of(0, 1000), List.of(0.5, 0.001));
        TrainSettings middle = TrainSettings.defaults().withSteps(List.of(600, 0, 400), List.of(0.001, 0.5, 0.0001));
        for (TrainSettings s : List.of(end, first, middle)) {
            assertEquals(1000, s.totalSteps(), s.howManyTrainingSteps()::toString);
            for (int step = 1; step <= 1000; step++) {
                assertEquals(s == middle && step > 600 ? 0.0001 : 0.001, s.learningRateAt(step), "step " + step);
            }
        }
        assertField("howManyTrainingSteps", () -> TrainSettings.defaults().withSteps(List.of(0, 0), List.of(0.1, 0.1)));
        assertField(
                "howManyTrainingSteps", () -> TrainSettings.defaults().withSteps(List.of(10, -1), List.of(0.1, 0.1)));
    }

    @Test
    void aRateMissingForAPhaseNamesTheField() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> TrainSettings.defaults().withSteps(List.of(400, 50), List.of(0.001)));
        assertTrue(e.getMessage().contains("learningRates"), e.getMessage());
    }

    @Test
    void badValuesNameTheirField() {
        assertField("batchSize", () -> TrainSettings.defaults().withIntervals(0, 400, 100));
        assertField("evalStepInterval", () -> TrainSettings.defaults().withIntervals(100, 0, 100));
        assertField("howManyTrainingSteps", () -> TrainSettings.defaults().withSteps(List.of(0), List.of(0.1)));
        assertField("learningRates", () -> TrainSettings.defaults().withSteps(List.of(5), List.of(-0.1)));
    }

    @Test
    void defaultsAreBabblesFastSchedule() {
        TrainSettings d = TrainSettings.defaults();
        assertEquals(Architecture.TC_RESNET, d.architecture());
        assertEquals(100, d.batchSize());
        assertEquals(400, d.evalStepInterval());
        assertEquals(100, d.saveStepInterval());
    }

    private static void assertField(String field, Runnable make) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::run);
        assertTrue(e.getMessage().contains(field), e.getMessage());
    }
}
