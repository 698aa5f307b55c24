package org.babble.core.features;

import java.nio.file.Path;
import java.util.Arrays;
import org.babble.core.audio.WavReader;
import org.babble.core.features.FeatureSettings.Preprocess;
import org.babble.testing.SharedData;
import org.babble.testing.Signals;
import org.junit.jupiter.api.Test;

/**
 * babble's features against an independent numpy/scipy implementation of TensorFlow's definitions.
 *
 * <p>The reference rows were computed once with {@code python3 core/src/test/python/mfcc_reference.py} (numpy 2.4,
 * scipy 1.17, double precision throughout) and committed under {@code src/test/resources/.../golden/}; each file's
 * header names its input and settings, which the cases below repeat. Tolerances: power spectra within 1e-6 of the
 * frame's peak (babble stores float); log-domain features (MFCC, log-mel) within 1e-4 absolute; average pooling
 * within 1e-6 of the frame's peak. Measured worst errors are 20 to 1000 times smaller than these.
 */
class FeatureGoldenTest {
    private static final double POWER_RELATIVE = 1e-6;
    private static final double LOG_ABSOLUTE = 1e-4;
    private static final String CRYING = "nursery/crying/esc1-211527_nohash_A.wav";
    private static final String BED = "speech/bed/00f0204f_nohash_0.wav";

    private static float[] chirp() {
        return Signals.chirp(100, 7000, 0.5, 16000, 16000);
    }

    private static float[] clip(String relative, int startSample, int length) {
        Path file = SharedData.require(relative);
        float[] samples = WavReader.read(file).clip().channel(0);
        return Arrays.copyOfRange(samples, startSample, startSample + length);
    }

    private static FeatureSettings settings(int rate, Preprocess preprocess, int bins, double upperHz) {
        return new FeatureSettings(rate, 1000, 30, 10, bins, preprocess, 20, upperHz, 40);
    }

    @Test
    void spectrogramOfAChirpIsScipys() {
        GoldenAssert.assertMatches(
                GoldenTable.load("chirp-spectrogram"), new Spectrogram(480, 160).power(chirp()), 0, POWER_RELATIVE);
    }

    @Test
    void spectrogramOfACryIsScipys() {
        float[] cry = clip(CRYING, 44100, 22050);
        GoldenAssert.assertMatches(
                GoldenTable.load("crying-spectrogram"), new Spectrogram(661, 220).power(cry), 0, POWER_RELATIVE);
    }

    @Test
    void mfccOfAChirpWithThirteenCoefficientsUpTo6kHz() {
        FeatureExtractor mfcc = FeatureExtractors.create(settings(16000, Preprocess.MFCC, 13, 6000));
        GoldenAssert.assertMatches(
                GoldenTable.load("chirp-mfcc-13-upper-6000"), mfcc.extract(chirp()), LOG_ABSOLUTE, 0);
    }

    @Test
    void mfccOfACryWithTensorFlowDefaults() {
        FeatureExtractor mfcc = FeatureExtractors.create(FeatureSettings.defaults(22050, 1000));
        GoldenAssert.assertMatches(
                GoldenTable.load("crying-mfcc"), mfcc.extract(clip(CRYING, 44100, 22050)), LOG_ABSOLUTE, 0);
    }

    @Test
    void mfccOfASpokenWordUpToNyquist() {
        FeatureExtractor mfcc = FeatureExtractors.create(settings(16000, Preprocess.MFCC, 40, 8000));
        GoldenAssert.assertMatches(
                GoldenTable.load("bed-mfcc-upper-8000"), mfcc.extract(clip(BED, 0, 16000)), LOG_ABSOLUTE, 0);
    }

    @Test
    void logMelOfACry() {
        FeatureExtractor logMel = FeatureExtractors.create(settings(22050, Preprocess.LOGMEL, 40, 4000));
        GoldenAssert.assertMatches(
                GoldenTable.load("crying-logmel"), logMel.extract(clip(CRYING, 44100, 22050)), LOG_ABSOLUTE, 0);
    }

    @Test
    void averagePoolingOfACry() {
        FeatureExtractor average = FeatureExtractors.create(settings(22050, Preprocess.AVERAGE, 40, 4000));
        GoldenAssert.assertMatches(
                GoldenTable.load("crying-average"), average.extract(clip(CRYING, 44100, 22050)), 0, POWER_RELATIVE);
    }

    @Test
    void averagePoolingOfASpokenWord() {
        FeatureExtractor average = FeatureExtractors.create(settings(16000, Preprocess.AVERAGE, 40, 4000));
        GoldenAssert.assertMatches(
                GoldenTable.load("bed-average"), average.extract(clip(BED, 0, 16000)), 0, POWER_RELATIVE);
    }
}
