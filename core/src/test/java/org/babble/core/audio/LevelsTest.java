package org.babble.core.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.babble.testing.Signals;
import org.junit.jupiter.api.Test;

/** The live meter's peak, RMS and dBFS. */
class LevelsTest {

    @Test
    void fullScaleSquareIsZeroDbfsAndASineThreeDecibelsLessInRms() {
        float[] square = {1, -1, 1, -1};
        assertEquals(0, Levels.peakDb(square, 0, 4), 1e-12);
        assertEquals(0, Levels.rmsDb(square, 0, 4), 1e-12);
        float[] sine = Signals.sine(1000, 1.0, 48000, 48000);
        assertEquals(-3.0103, Levels.rmsDb(sine, 0, sine.length), 1e-3);
    }

    @Test
    void measuresOnlyTheRangeAsked() {
        float[] samples = {0.9f, 0.1f, -0.2f, 0.1f, 0.9f};
        assertEquals(0.2, Levels.peak(samples, 1, 4), 1e-7);
        assertEquals(Math.sqrt((0.01 + 0.04 + 0.01) / 3), Levels.rms(samples, 1, 4), 1e-7);
        assertEquals(0, Levels.rms(samples, 2, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> Levels.peak(samples, 3, 6));
    }

    @Test
    void decibelsRoundTrip() {
        assertEquals(-6.0206, Levels.toDb(0.5), 1e-4);
        assertEquals(0.5, Levels.fromDb(Levels.toDb(0.5)), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, Levels.toDb(0));
    }
}
