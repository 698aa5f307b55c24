package org.babble.dataset.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.babble.core.features.FeatureSettings;
import org.babble.core.features.LogMelExtractor;
import org.babble.testing.Signals;
import org.junit.jupiter.api.Test;

class BandAugmenterTest {
    private static final int RATE = 16000;
    private static final FeatureSettings LOG_MEL =
            new FeatureSettings(RATE, 1000, 30, 10, 40, FeatureSettings.Preprocess.LOGMEL, 20, 7600, 40);
    private static final LogMelExtractor EXTRACTOR = new LogMelExtractor(LOG_MEL);
    private static final double[] CENTRES = EXTRACTOR.bandCentresHz();
    private static final int STRIDE = LOG_MEL.windowStrideSamples();
    private static final int FRAMES = LOG_MEL.frameCount();

    @Test
    void withoutVariationsAClipKeepsItsBands() {
        float[][] clip = bands(Signals.noise(0.1, 1, RATE));
        float[][] out =
                augmenter(AugmentSettings.none(), List.of()).augment(clip, false, FRAMES, new SplittableRandom(1));
        for (int f = 0; f < FRAMES; f++) {
            assertArrayEquals(clip[f], out[f]);
        }
    }

    @Test
    void gainScalesEveryBandByOneFactorWithinTheRange() {
        float[][] clip = bands(Signals.noise(0.1, 2, RATE));
        BandAugmenter augmenter = augmenter(AugmentSettings.none().withGainDb(6), List.of());
        SplittableRandom random = new SplittableRandom(3);
        for (int t = 0; t < 50; t++) {
            float[][] out = augmenter.augment(clip, false, FRAMES, random);
            double ratio = out[10][5] / clip[10][5];
            assertTrue(ratio >= Math.pow(10, -6 / 20.0) - 1e-6 && ratio <= Math.pow(10, 6 / 20.0) + 1e-6, "" + ratio);
            for (int f = 0; f < FRAMES; f += 7) {
                for (int b = 0; b < CENTRES.length; b += 5) {
                    assertEquals(ratio, out[f][b] / clip[f][b], 1e-5 * ratio);
                }
            }
        }
    }

    @Test
    void timeShiftMovesWholeFramesAndPadsWithSilence() {
        float[][] clip = bands(Signals.noise(0.1, 4, RATE));
        BandAugmenter augmenter = augmenter(AugmentSettings.none().withTimeShiftMs(100), List.of());
        SplittableRandom random = new SplittableRandom(5);
        int maxFrames = 100 * RATE / 1000 / STRIDE;
        boolean movedLater = false;
        boolean movedEarlier = false;
        for (int t = 0; t < 40; t++) {
            float[][] out = augmenter.augment(clip, false, FRAMES, random);
            int shift = shiftOf(clip, out, maxFrames);
            movedLater |= shift > 0;
            movedEarlier |= shift < 0;
            for (int f = 0; f < FRAMES; f++) {
                int from = f - shift;
                float[] expected = from >= 0 && from < FRAMES ? clip[from] : new float[CENTRES.length];
                assertArrayEquals(expected, out[f], "shift " + shift + ", frame " + f);
            }
        }
        assertTrue(movedLater && movedEarlier);
    }

    @Test
    void silenceIsBackgroundNoiseAtAVolumeUniformInZeroToOne() {
        float[][] ones = new float[3 * FRAMES][CENTRES.length];
        for (float[] row : ones) {
            java.util.Arrays.fill(row, 1f);
        }
        BandAugmenter augmenter = augmenter(AugmentSettings.tfDefaults(), List.<float[][]>of(ones));
        SplittableRandom random = new SplittableRandom(6);
        double sum = 0;
        for (int t = 0; t < 2000; t++) {
            float[][] out = augmenter.augment(null, true, FRAMES, random);
            assertEquals(out[0][0], out[FRAMES - 1][CENTRES.length - 1]);
            sum += out[0][0];
        }
        assertEquals(0.5, sum / 2000, 0.02);
    }

    @Test
    void noiseAddsInPower() {
        float[][] clip = constant(FRAMES, 3f);
        float[][] noise = constant(2 * FRAMES, 4f);
        BandAugmenter augmenter = augmenter(AugmentSettings.none().withBackground(1, 1), List.<float[][]>of(noise));
        SplittableRandom random = new SplittableRandom(7);
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int t = 0; t < 500; t++) {
            float v = augmenter.augment(clip, false, FRAMES, random)[3][3];
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        // sqrt(3² + (4 v)²) for a volume v uniform in [0, 1): from 3 up to 5.
        assertEquals(3, min, 0.05);
        assertEquals(5, max, 0.05);
    }

    /**
     * The approximation the band path rests on: a low-pass applied as one gain per band gives the log-mel features of
     * the low-passed audio, within 1 dB wherever the filtered signal is within 40 dB of its loudest band.
     */
    @Test
    void aBandLimitAgreesWithFilteringTheAudio() {
        float[] audio = Signals.noise(0.1, 8, RATE);
        AugmentSettings lowPass = AugmentSettings.none().withLowPass(1, 2000, 2000);
        float[][] viaBands =
                augmenter(lowPass, List.of()).augment(bands(audio), false, FRAMES, new SplittableRandom(9));
        float[] filtered = new Augmenter(lowPass, RATE, List.of()).augment(audio, false, new SplittableRandom(9));
        float[][] viaAudio = bands(filtered);
        double[] a = meanDb(viaBands);
        double[] b = meanDb(viaAudio);
        double loudest = java.util.Arrays.stream(b).max().orElseThrow();
        int compared = 0;
        for (int band = 0; band < a.length; band++) {
            if (b[band] > loudest - 40) {
                assertEquals(b[band], a[band], 1.0, "band at " + Math.round(CENTRES[band]) + " Hz");
                compared++;
            }
        }
        assertTrue(compared > 20, compared + " bands compared");
    }

    /**
     * Pauses lower the same frames by the same amount on either path: compared wherever a frame's whole window lies
     * on one side of every gap edge (window 30 ms = 3 strides, ramps 5 ms).
     */
    @Test
    void pausesAgreeWithPausingTheAudio() {
        float[] audio = Signals.noise(0.1, 10, RATE);
        float[][] original = bands(audio);
        AugmentSettings pauses = AugmentSettings.none().withPauses(1);
        float[][] viaBands = augmenter(pauses, List.of()).augment(original, false, FRAMES, new SplittableRandom(12));
        float[][] viaAudio =
                bands(new Augmenter(pauses, RATE, List.of()).augment(audio, false, new SplittableRandom(12)));
        int quiet = 0;
        int loud = 0;
        for (int f = 3; f < FRAMES - 5; f++) {
            double db = levelChangeDb(original[f], viaBands[f]);
            boolean steady = true;
            for (int g = f - 3; g <= f + 5; g++) {
                steady &= Math.abs(levelChangeDb(original[g], viaBands[g]) - db) < 1e-3;
            }
            if (steady) {
                assertEquals(db, levelChangeDb(original[f], viaAudio[f]), 1.0, "frame " + f);
                quiet += db < -19 ? 1 : 0;
                loud += db == 0 ? 1 : 0;
            }
        }
        assertTrue(quiet > 5 && loud > 5, quiet + " quiet and " + loud + " untouched frames compared");
    }

    private static double levelChangeDb(float[] before, float[] after) {
        double a = 0;
        double b = 0;
        for (int i = 0; i < before.length; i++) {
            a += before[i];
            b += after[i];
        }
        return 20 * Math.log10(b / a);
    }

    @Test
    void frequencyShiftMovesEveryBandByOneWholeNumberOfBandsWithinTheRange() {
        float[][] clip = bands(Signals.noise(0.1, 6, RATE));
        AugmentSettings settings =
                AugmentSettings.none().withDomain(AugmentDomain.BANDS).withFrequencyShiftBands(3);
        BandAugmenter augmenter = augmenter(settings, List.of());
        SplittableRandom random = new SplittableRandom(7);
        Set<Integer> seen = new TreeSet<>();
        for (int t = 0; t < 60; t++) {
            float[][] out = augmenter.augment(clip, false, FRAMES, random);
            int shift = bandShiftOf(clip, out, 3);
            seen.add(shift);
            for (int b = Math.max(0, shift); b < CENTRES.length && b - shift < CENTRES.length; b++) {
                assertEquals(clip[10][b - shift], out[10][b], 1e-6f * clip[10][b - shift]);
            }
        }
        assertEquals(Set.of(-3, -2, -1, 0, 1, 2, 3), seen, "every shift within ±3 bands is drawn");
    }

    /** The shift in bands within ±{@code max} that maps {@code clip}'s frame 10 onto {@code out}'s. */
    private static int bandShiftOf(float[][] clip, float[][] out, int max) {
        for (int shift = -max; shift <= max; shift++) {
            boolean fits = true;
            for (int b = Math.max(0, shift); b < CENTRES.length && b - shift < CENTRES.length && fits; b++) {
                fits = Math.abs(out[10][b] - clip[10][b - shift]) <= 1e-6f * clip[10][b - shift];
            }
            if (fits) {
                return shift;
            }
        }
        throw new AssertionError("no shift within ±" + max + " bands");
    }

    private static BandAugmenter augmenter(AugmentSettings settings, List<float[][]> noise) {
        return new BandAugmenter(settings, RATE, LOG_MEL.desiredSamples(), STRIDE, CENTRES, noise);
    }

    private static float[][] bands(float[] audio) {
        return new LogMelExtractor(LOG_MEL).bands(audio);
    }

    private static float[][] constant(int frames, float value) {
        float[][] out = new float[frames][CENTRES.length];
        for (float[] row : out) {
            java.util.Arrays.fill(row, value);
        }
        return out;
    }

    /** The frame shift that maps {@code clip} onto {@code out}. */
    private static int shiftOf(float[][] clip, float[][] out, int maxFrames) {
        for (int shift = -maxFrames; shift <= maxFrames; shift++) {
            int f = FRAMES / 2;
            if (java.util.Arrays.equals(out[f], clip[f - shift])) {
                return shift;
            }
        }
        throw new AssertionError("no shift within " + maxFrames + " frames");
    }

    /** Per band, 20·log10 of the band magnitude averaged over frames. */
    private static double[] meanDb(float[][] bands) {
        double[] out = new double[bands[0].length];
        for (int b = 0; b < out.length; b++) {
            double sum = 0;
            for (float[] frame : bands) {
                sum += frame[b];
            }
            out[b] = 20 * Math.log10(sum / bands.length);
        }
        return out;
    }
}
