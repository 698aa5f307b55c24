package org.babble.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.babble.core.features.FeatureSettings.Normalization;
import org.babble.testing.Signals;
import org.junit.jupiter.api.Test;

/** Per-clip normalisation: what it removes (a fixed colouring per bin, the level) and what it keeps (the shape). */
class ClipNormalizerTest {
    private static final int FRAMES = 50;
    private static final int BINS = 4;

    private static float[] features(long seed) {
        Random random = new Random(seed);
        float[] values = new float[FRAMES * BINS];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * (1 + i % BINS));
        }
        return values;
    }

    private static double mean(float[] values, int bin) {
        double sum = 0;
        for (int f = 0; f < FRAMES; f++) {
            sum += values[f * BINS + bin];
        }
        return sum / FRAMES;
    }

    private static double deviation(float[] values, int bin) {
        double mean = mean(values, bin);
        double squares = 0;
        for (int f = 0; f < FRAMES; f++) {
            squares += Math.pow(values[f * BINS + bin] - mean, 2);
        }
        return Math.sqrt(squares / FRAMES);
    }

    @Test
    void noneLeavesTheFeaturesAsComputed() {
        float[] values = features(1);
        float[] copy = values.clone();
        ClipNormalizer.apply(Normalization.NONE, values, 0, FRAMES, BINS);
        assertArrayEquals(copy, values);
    }

    @Test
    void meanMakesEachBinZeroMeanAndForgetsAFixedOffsetPerBin() {
        float[] plain = features(2);
        float[] coloured = plain.clone();
        for (int i = 0; i < coloured.length; i++) {
            coloured[i] += 3 + i % BINS; // a microphone's colouring: the same amount in every frame of a bin
        }
        ClipNormalizer.apply(Normalization.MEAN, plain, 0, FRAMES, BINS);
        ClipNormalizer.apply(Normalization.MEAN, coloured, 0, FRAMES, BINS);
        for (int b = 0; b < BINS; b++) {
            assertEquals(0, mean(plain, b), 1e-6);
        }
        assertArrayEquals(plain, coloured, 1e-5f);
    }

    @Test
    void standardGivesUnitDeviationButDoesNotBlowUpASteadyBin() {
        float[] values = features(3);
        for (int f = 0; f < FRAMES; f++) {
            values[f * BINS] = 5 + 0.001f * (f % 2); // a steady hum: nearly constant
        }
        ClipNormalizer.apply(Normalization.STANDARD, values, 0, FRAMES, BINS);
        for (int b = 1; b < BINS; b++) {
            assertEquals(1, deviation(values, b), 1e-5);
        }
        assertEquals(
                0.0005 / ClipNormalizer.STD_FLOOR, deviation(values, 0), 1e-5, "divided by the floor, not by 0.0005");
    }

    @Test
    void onlyTheClipAtTheOffsetIsTouched() {
        float[] values = new float[10 + FRAMES * BINS + 10];
        Arrays.fill(values, 7);
        ClipNormalizer.apply(Normalization.MEAN, values, 10, FRAMES, BINS);
        assertEquals(7, values[9]);
        assertEquals(7, values[10 + FRAMES * BINS]);
        assertEquals(0, values[10]);
    }

    @Test
    void everyFeaturePathNormalisesAlike() {
        FeatureSettings settings = new FeatureSettings(
                        8000, 1000, 50, 25, 20, FeatureSettings.Preprocess.MFCC, 20, 4000, 40)
                .withNormalization(Normalization.MEAN);
        float[] recording = Signals.chirp(100, 3500, 0.5, 8000, 8000 * 3);
        float[] clip = Arrays.copyOfRange(recording, 4000, 12000);
        FeatureExtractor extractor = FeatureExtractors.create(settings);
        float[] whole = new float[settings.featureSize()];
        extractor.extract(clip, whole, 0);

        float[] window = new float[settings.featureSize()];
        new WindowFeatures(settings).extract(4000, recording, 4000, window, 0);
        assertArrayEquals(whole, window, 1e-5f, "a window of a longer recording (classify, monitor)");

        MelBandExtractor bands = (MelBandExtractor) extractor;
        float[][] finished = bands.finish(Arrays.copyOf(bands.bands(clip), settings.frameCount()));
        float[] flat = new float[settings.featureSize()];
        for (int f = 0; f < finished.length; f++) {
            System.arraycopy(finished[f], 0, flat, f * finished[f].length, finished[f].length);
        }
        assertArrayEquals(whole, flat, 1e-5f, "the band path training augments on");
    }

    @Test
    void aLouderClipHasTheSameNormalisedFeatures() {
        FeatureSettings settings = new FeatureSettings(
                        8000, 1000, 50, 25, 20, FeatureSettings.Preprocess.LOGMEL, 20, 4000, 40)
                .withNormalization(Normalization.MEAN);
        float[] clip = Signals.chirp(200, 3000, 0.1, 8000, 8000);
        float[] louder = clip.clone();
        for (int i = 0; i < louder.length; i++) {
            louder[i] *= 4;
        }
        FeatureExtractor extractor = FeatureExtractors.create(settings);
        assertArrayEquals(
                extractor.extract(clip)[20],
                extractor.extract(louder)[20],
                1e-3f,
                "12 dB more gain is a constant in every log band, removed by the mean");
    }
}
