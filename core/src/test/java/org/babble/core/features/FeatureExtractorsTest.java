package org.babble.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.babble.core.features.FeatureSettings.Preprocess;
import org.babble.testing.Signals;
import org.junit.jupiter.api.Test;

class FeatureExtractorsTest {
    private static final FeatureSettings DEFAULTS = FeatureSettings.defaults(16000, 1000);

    @Test
    void picksTheExtractorForEachPreprocess() {
        assertInstanceOf(MfccExtractor.class, FeatureExtractors.create(DEFAULTS));
        assertInstanceOf(LogMelExtractor.class, FeatureExtractors.create(DEFAULTS.withPreprocess(Preprocess.LOGMEL)));
        assertInstanceOf(AverageExtractor.class, FeatureExtractors.create(DEFAULTS.withPreprocess(Preprocess.AVERAGE)));
    }

    @Test
    void matrixHasFrameCountRowsOfBinsPerFrame() {
        float[] clip = Signals.noise(0.1, 1, 16000);
        for (Preprocess preprocess : Preprocess.values()) {
            FeatureSettings settings = DEFAULTS.withPreprocess(preprocess);
            float[][] features = FeatureExtractors.create(settings).extract(clip);
            assertEquals(98, features.length, preprocess + " frames");
            assertEquals(settings.binsPerFrame(), features[0].length, preprocess + " bins");
        }
    }

    @Test
    void bufferFormIsTheMatrixRowMajorAtTheOffset() {
        float[] clip = Signals.chirp(300, 5000, 0.4, 16000, 16000);
        for (Preprocess preprocess : Preprocess.values()) {
            FeatureExtractor extractor = FeatureExtractors.create(DEFAULTS.withPreprocess(preprocess));
            float[][] matrix = extractor.extract(clip);
            int size = DEFAULTS.withPreprocess(preprocess).featureSize();
            float[] batch = new float[3 * size];
            extractor.extract(clip, batch, size);
            for (int f = 0; f < matrix.length; f++) {
                float[] row = java.util.Arrays.copyOfRange(
                        batch, size + f * matrix[f].length, size + (f + 1) * matrix[f].length);
                assertArrayEquals(matrix[f], row, preprocess + " frame " + f);
            }
            assertEquals(0f, batch[size - 1], "nothing written before the offset");
            assertEquals(0f, batch[2 * size], "nothing written after the clip");
        }
    }

    @Test
    void repeatedExtractionGivesTheSameFeatures() {
        FeatureExtractor extractor = FeatureExtractors.create(DEFAULTS);
        float[] a = Signals.noise(0.2, 5, 16000);
        float[][] first = extractor.extract(a);
        extractor.extract(Signals.chirp(100, 7000, 0.9, 16000, 16000));
        float[][] again = extractor.extract(a);
        for (int f = 0; f < first.length; f++) {
            assertArrayEquals(first[f], again[f], "frame " + f + ": no state leaks between clips");
        }
    }

    @Test
    void digitalSilenceHitsTheLogFloorInEveryChannel() {
        // All 40 log energies are ln(1e-12); TF's DCT scales by sqrt(2/40), so c0 = 40 sqrt(2/40) ln(1e-12), rest 0.
        float[][] mfcc = FeatureExtractors.create(DEFAULTS).extract(new float[16000]);
        double c0 = 40 * Math.sqrt(2.0 / 40) * Math.log(1e-12);
        for (float[] frame : mfcc) {
            assertEquals(c0, frame[0], 1e-3);
            for (int i = 1; i < frame.length; i++) {
                assertEquals(0, frame[i], 1e-3, "coefficient " + i);
            }
        }
        float[][] logMel = FeatureExtractors.create(DEFAULTS.withPreprocess(Preprocess.LOGMEL))
                .extract(new float[16000]);
        assertEquals(Math.log(1e-12), logMel[50][20], 1e-5);
    }

    @Test
    void aHigherUpperFrequencyLetsTheFilterbankSeeHighTones() {
        float[] tone = Signals.sine(6000, 0.5, 16000, 16000);
        FeatureSettings narrow = new FeatureSettings(16000, 1000, 30, 10, 40, Preprocess.LOGMEL, 20, 4000, 40);
        FeatureSettings wide = new FeatureSettings(16000, 1000, 30, 10, 40, Preprocess.LOGMEL, 20, 8000, 40);
        float[] narrowFrame = FeatureExtractors.create(narrow).extract(tone)[50];
        float[] wideFrame = FeatureExtractors.create(wide).extract(tone)[50];
        int loudest = 0;
        for (int c = 1; c < 40; c++) {
            loudest = wideFrame[c] > wideFrame[loudest] ? c : loudest;
        }
        // 6 kHz sits at mel 2552 of 20..8000 Hz (31.8..2840 mel): channel ~ 41 * (2552 - 31.8) / (2840 - 31.8) - 1 =
        // 35.8
        assertTrue(loudest >= 34 && loudest <= 37, "6 kHz lands in channel " + loudest);
        assertTrue(wideFrame[loudest] > narrowFrame[39] + 5, "below 4 kHz the tone is only leakage");
    }

    @Test
    void aClipOfTheWrongLengthIsRefused() {
        FeatureExtractor extractor = FeatureExtractors.create(DEFAULTS);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> extractor.extract(new float[15999]));
        assertTrue(e.getMessage().contains("16000"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> extractor.extract(new float[16000], new float[98 * 40 - 1], 0));
    }
}
