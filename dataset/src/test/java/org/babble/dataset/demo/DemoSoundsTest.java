package org.babble.dataset.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DemoSoundsTest {
    private static final int RATE = 16000;

    @Test
    void theSameSeedGivesTheSameRecordingAndAnotherSeedAnother() {
        assertArrayEquals(DemoSounds.generate("crying", 2, RATE, 7), DemoSounds.generate("crying", 2, RATE, 7));
        assertFalse(
                Arrays.equals(DemoSounds.generate("crying", 2, RATE, 7), DemoSounds.generate("crying", 2, RATE, 8)));
    }

    @Test
    void everyLabelHasTheRequestedLengthAndStaysWithinFullScale() {
        for (String label : DemoSounds.LABELS) {
            float[] audio = DemoSounds.generate(label, 3, RATE, 1);
            assertEquals(3 * RATE, audio.length, label);
            for (float s : audio) {
                assertTrue(Math.abs(s) < 1, () -> label + " exceeds full scale: " + s);
            }
        }
    }

    @Test
    void anEmptyRoomIsMuchQuieterThanACry() {
        for (long seed = 0; seed < 5; seed++) {
            double room = rmsDb(DemoSounds.generate("room_empty", 4, RATE, seed));
            double cry = rmsDb(DemoSounds.generate("crying", 4, RATE, seed));
            assertTrue(cry - room > 6, "seed " + seed + ": cry " + cry + " dB vs room " + room + " dB");
        }
    }

    @Test
    void aCryIsStronglyPeriodicWhereRoomToneIsNot() {
        double cry = peakAutocorrelation(DemoSounds.generate("crying", 4, RATE, 3));
        double noise = peakAutocorrelation(DemoSounds.generate("noise", 4, RATE, 3));
        assertTrue(cry > 0.5, "cry periodicity " + cry);
        assertTrue(cry > noise + 0.2, "cry " + cry + " vs noise " + noise);
    }

    @Test
    void anUnknownLabelIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DemoSounds.generate("dog", 1, RATE, 0));
    }

    private static double rmsDb(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += v * v;
        }
        return 10 * Math.log10(sum / x.length);
    }

    /** Highest normalised autocorrelation at lags of 2–5 ms (pitches 200–500 Hz), over the loudest second. */
    private static double peakAutocorrelation(float[] x) {
        int best = 0;
        double bestEnergy = -1;
        for (int start = 0; start + RATE <= x.length; start += RATE / 4) {
            double e = 0;
            for (int i = start; i < start + RATE; i++) {
                e += x[i] * x[i];
            }
            if (e > bestEnergy) {
                bestEnergy = e;
                best = start;
            }
        }
        double peak = 0;
        for (int lag = RATE / 500; lag <= RATE / 200; lag++) {
            double num = 0;
            for (int i = best; i < best + RATE - lag; i++) {
                num += x[i] * x[i + lag];
            }
            peak = Math.max(peak, num / bestEnergy);
        }
        return peak;
    }
}
