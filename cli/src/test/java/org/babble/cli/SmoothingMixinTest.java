package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.babble.core.features.FeatureLayout;
import org.babble.core.frozen.ModelMetadata;
import org.babble.core.recognition.OperatingPoint;
import org.babble.core.recognition.RecognitionSettings;
import org.babble.testing.TinyModels;
import org.junit.jupiter.api.Test;

/** The one rule for the hop and smoothing of classify, monitor and evaluate: flags, then calibration, then defaults. */
class SmoothingMixinTest {
    private static final ModelMetadata PLAIN = TinyModels.metadata(TinyModels.LABELS, FeatureLayout.FLAT);
    private static final RecognitionSettings TUNED = new RecognitionSettings(750, 0.8, 2000, 3);
    private static final ModelMetadata CALIBRATED = PLAIN.withOperatingPoint(
            new OperatingPoint("high", 250, TUNED, 1.0, 15, 1, 0.4, 2.5, List.of("night.wav"), "2026-12-02T10:00:00Z"));

    @Test
    void anUncalibratedModelGetsHalfAClipAndTheDefaultsForIt() {
        SmoothingMixin.Plan plan = new SmoothingMixin().plan(PLAIN, null);
        assertEquals(TinyModels.CLIP_MS / 2, plan.hopMs());
        assertEquals(RecognitionSettings.forWindows(TinyModels.CLIP_MS, TinyModels.CLIP_MS / 2), plan.smoothing());
        assertFalse(plan.calibrated());
    }

    @Test
    void aCalibratedModelGetsItsOwnHopAndSmoothing() {
        SmoothingMixin.Plan plan = new SmoothingMixin().plan(CALIBRATED, null);
        assertEquals(250, plan.hopMs());
        assertEquals(TUNED, plan.smoothing());
        assertTrue(plan.calibrated());
    }

    @Test
    void eachFlagOverridesOnlyItsOwnSetting() {
        SmoothingMixin flags = new SmoothingMixin();
        flags.detectionThreshold = 0.6;
        SmoothingMixin.Plan plan = flags.plan(CALIBRATED, 0.4);
        assertEquals(400, plan.hopMs());
        assertEquals(new RecognitionSettings(750, 0.6, 2000, 3), plan.smoothing());
    }
}
