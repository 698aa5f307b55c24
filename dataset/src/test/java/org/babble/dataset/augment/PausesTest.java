package org.babble.dataset.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PausesTest {
    private static final int RATE = 16000;
    private static final int FIVE_SECONDS = 5 * RATE;

    @Test
    void offOrSilenceDrawsNothingAndLeavesTheRandomSequenceAlone() {
        SplittableRandom used = new SplittableRandom(1);
        assertTrue(Pauses.draw(0, false, FIVE_SECONDS, RATE, used).isNone());
        assertTrue(Pauses.draw(1, true, FIVE_SECONDS, RATE, used).isNone());
        assertEquals(new SplittableRandom(1).nextLong(), used.nextLong());
    }

    @Test
    void aShareOfClipsGetsPauses() {
        SplittableRandom random = new SplittableRandom(2);
        int paused = 0;
        for (int t = 0; t < 2000; t++) {
            paused += Pauses.draw(0.3, false, FIVE_SECONDS, RATE, random).isNone() ? 0 : 1;
        }
        assertEquals(0.3, paused / 2000.0, 0.03);
    }

    @Test
    void aFiveSecondClipGetsOneToFourGapsOfAFifthToOneSecondTwentyToFiftyDecibelsDeep() {
        SplittableRandom random = new SplittableRandom(3);
        int[] counts = new int[5];
        for (int t = 0; t < 2000; t++) {
            Pauses pauses = Pauses.draw(1, false, FIVE_SECONDS, RATE, random);
            counts[pauses.pauses().size()]++;
            for (Pauses.Pause p : pauses.pauses()) {
                assertTrue(p.length() >= 0.2 * RATE && p.length() <= RATE, "length " + p.length());
                assertTrue(p.start() >= 0 && p.start() + p.length() <= FIVE_SECONDS, "start " + p.start());
                double db = -20 * Math.log10(p.gain());
                assertTrue(db >= 20 - 1e-4 && db <= 50 + 1e-4, db + " dB");
            }
        }
        assertEquals(0, counts[0]);
        for (int count = 1; count <= 4; count++) {
            assertTrue(counts[count] > 400, Arrays.toString(counts));
        }
    }

    @Test
    void aOneSecondClipGetsOneGap() {
        SplittableRandom random = new SplittableRandom(4);
        for (int t = 0; t < 200; t++) {
            assertEquals(1, Pauses.draw(1, false, RATE, RATE, random).pauses().size());
        }
    }

    @Test
    void audioDropsToTheGainInsideAGapWithShortRampsAndIsUntouchedOutside() {
        float[] samples = new float[RATE];
        Arrays.fill(samples, 1f);
        new Pauses(java.util.List.of(new Pauses.Pause(4000, 3200, 0.01f))).apply(samples, RATE);
        int ramp = RATE / 200;
        assertEquals(1f, samples[3999]);
        assertEquals(1f, samples[7200]);
        for (int i = 4000 + ramp; i < 7200 - ramp; i++) {
            assertEquals(0.01f, samples[i], 1e-7);
        }
        for (int i = 4000; i < 4000 + ramp; i++) {
            assertTrue(samples[i] < samples[i - 1] && samples[i] > 0.01f, "ramp in at " + i);
        }
        for (int i = 7200 - ramp; i < 7200; i++) {
            assertTrue(samples[i] > samples[i - 1] && samples[i] < 1f, "ramp out at " + i);
        }
    }

    @Test
    void framesStartingInsideAGapAreScaledWhole() {
        float[][] frames = new float[100][3];
        for (float[] frame : frames) {
            Arrays.fill(frame, 2f);
        }
        new Pauses(java.util.List.of(new Pauses.Pause(1600, 800, 0.1f))).apply(frames, 160);
        for (int f = 0; f < 100; f++) {
            float expected = f >= 10 && f < 15 ? 0.2f : 2f;
            for (float v : frames[f]) {
                assertEquals(expected, v, 1e-6, "frame " + f);
            }
        }
    }
}
