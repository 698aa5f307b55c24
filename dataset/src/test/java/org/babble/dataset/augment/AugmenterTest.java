package org.babble.dataset.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.babble.testing.Signals;
import org.junit.jupiter.api.Test;

class AugmenterTest {
    private static final int RATE = 8000;
    private static final int N = 8000;
    private static final int TRIALS = 4000;

    /** Background "noise" of constant 1.0, so the mixed level equals the volume drawn. */
    private static final List<float[]> ONES = List.of(filled(3 * N, 1f));

    @Test
    void meanNoiseLevelIsVolumeTimesFrequencyOverTwo() {
        Augmenter augmenter = new Augmenter(AugmentSettings.tfDefaults().withTimeShiftMs(0), RATE, ONES);
        SplittableRandom random = new SplittableRandom(1);
        double sum = 0;
        int noisy = 0;
        for (int t = 0; t < TRIALS; t++) {
            float level = augmenter.augment(new float[N], false, random)[N / 2];
            assertTrue(level >= 0 && level <= 0.1f, "level " + level);
            sum += level;
            noisy += level > 0 ? 1 : 0;
        }
        // E[level] = frequency 0.8 * E[uniform(0, 0.1)] = 0.04; SE about 0.0005.
        assertEquals(0.04, sum / TRIALS, 0.003);
        assertEquals(0.8, noisy / (double) TRIALS, 0.025);
    }

    @Test
    void silenceAlwaysGetsNoiseAtAVolumeUniformInZeroToOneAsTfDoes() {
        Augmenter augmenter = new Augmenter(AugmentSettings.tfDefaults(), RATE, ONES);
        SplittableRandom random = new SplittableRandom(2);
        double sum = 0;
        float[] word = filled(N, 0.9f);
        for (int t = 0; t < TRIALS; t++) {
            float[] out = augmenter.augment(word, true, random);
            assertEquals(out[0], out[N - 1], "silence is the noise alone, the clip is muted");
            sum += out[0];
        }
        assertEquals(0.5, sum / TRIALS, 0.02);
    }

    @Test
    void timeShiftStaysWithinTfBoundsAndPadsWithZeros() {
        Augmenter augmenter = new Augmenter(AugmentSettings.none().withTimeShiftMs(100), RATE, List.of());
        int maxShift = 800;
        float[] impulse = new float[N];
        impulse[N / 2] = 1f;
        float[] ones = filled(N, 1f);
        SplittableRandom random = new SplittableRandom(3);
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        double sum = 0;
        for (int t = 0; t < TRIALS; t++) {
            SplittableRandom copy = random.split();
            float[] out = augmenter.augment(impulse, false, copy.split());
            int shift = indexOfMax(out) - N / 2;
            min = Math.min(min, shift);
            max = Math.max(max, shift);
            sum += shift;
        }
        // TF: np.random.randint(-time_shift, time_shift), so shifts lie in [-800, 799], mean -0.5.
        assertTrue(min >= -maxShift && max <= maxShift - 1, min + ".." + max);
        assertTrue(min < -maxShift + 40 && max > maxShift - 40, "both ends reached: " + min + ".." + max);
        assertEquals(0, sum / TRIALS, 30);
        for (int t = 0; t < 50; t++) {
            float[] out = augmenter.augment(ones, false, random);
            int zeros = 0;
            for (float v : out) {
                zeros += v == 0f ? 1 : 0;
            }
            assertTrue(zeros <= maxShift, "zeros " + zeros);
            assertTrue(out[0] == 0f || out[N - 1] == 0f || zeros == 0, "padding is at one end");
        }
    }

    @Test
    void noAugmentationLeavesAWordUnchanged() {
        float[] sine = Signals.sine(440, 0.5, RATE, N);
        Augmenter augmenter = new Augmenter(AugmentSettings.none(), RATE, ONES);
        assertTrue(Arrays.equals(sine, augmenter.augment(sine, false, new SplittableRandom(4))));
        assertTrue(AugmentSettings.none().leavesWordsUnchanged());
        assertTrue(!AugmentSettings.tfDefaults().leavesWordsUnchanged());
    }

    @Test
    void randomGainStaysWithinItsDecibelRange() {
        Augmenter augmenter = new Augmenter(AugmentSettings.none().withGainDb(6), RATE, List.of());
        float[] half = filled(N, 0.25f);
        SplittableRandom random = new SplittableRandom(5);
        double low = Double.MAX_VALUE;
        double high = 0;
        for (int t = 0; t < 500; t++) {
            double ratio = augmenter.augment(half, false, random)[0] / 0.25;
            low = Math.min(low, ratio);
            high = Math.max(high, ratio);
        }
        assertTrue(low >= Math.pow(10, -6 / 20.0) - 1e-4 && low < 0.55, "low " + low);
        assertTrue(high <= Math.pow(10, 6 / 20.0) + 1e-4 && high > 1.9, "high " + high);
    }

    @Test
    void lowPassRemovesTheBandAboveTheCutoffAndKeepsTheBandBelow() {
        int rate = 16000;
        Augmenter augmenter = new Augmenter(AugmentSettings.none().withLowPass(1, 3000, 3000), rate, List.of());
        float[] high = Signals.sine(6000, 0.5, rate, rate);
        float[] low = Signals.sine(500, 0.5, rate, rate);
        double highDb =
                20 * Math.log10(rms(augmenter.augment(high, false, new SplittableRandom(6)), 1000) / rms(high, 1000));
        double lowDb =
                20 * Math.log10(rms(augmenter.augment(low, false, new SplittableRandom(6)), 1000) / rms(low, 1000));
        // 4th-order Butterworth: one octave above the cutoff is down about 24 dB; an octave below, flat.
        assertTrue(highDb < -20, "6 kHz through a 3 kHz low-pass: " + highDb + " dB");
        assertTrue(Math.abs(lowDb) < 0.5, "500 Hz: " + lowDb + " dB");
    }

    @Test
    void specAugmentMasksAtMostTheConfiguredBands() {
        Augmenter augmenter = new Augmenter(AugmentSettings.none().withSpecAugment(2, 10, 1, 5), RATE, List.of());
        SplittableRandom random = new SplittableRandom(7);
        int masked = 0;
        for (int t = 0; t < 200; t++) {
            float[][] features = new float[98][40];
            for (float[] row : features) {
                Arrays.fill(row, 1f);
            }
            augmenter.maskFeatures(features, random);
            int zeroFrames = 0;
            for (float[] row : features) {
                boolean all = true;
                for (float v : row) {
                    all &= v == 0f;
                }
                zeroFrames += all ? 1 : 0;
            }
            int zeroBins = 0;
            for (int k = 0; k < 40; k++) {
                boolean all = true;
                for (float[] row : features) {
                    all &= row[k] == 0f;
                }
                zeroBins += all ? 1 : 0;
            }
            assertTrue(zeroFrames <= 20, "frames " + zeroFrames);
            assertTrue(zeroBins <= 5 || zeroFrames == 98, "bins " + zeroBins);
            masked += zeroFrames;
        }
        assertTrue(masked > 0);
    }

    private static float[] filled(int n, float value) {
        float[] out = new float[n];
        Arrays.fill(out, value);
        return out;
    }

    private static int indexOfMax(float[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double rms(float[] x, int skip) {
        double sum = 0;
        for (int i = skip; i < x.length; i++) {
            sum += x[i] * (double) x[i];
        }
        return Math.sqrt(sum / (x.length - skip));
    }
}
