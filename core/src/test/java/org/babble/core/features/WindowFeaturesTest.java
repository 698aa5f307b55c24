package org.babble.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.babble.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WindowFeaturesTest {
    /** 1-s clips at 8 kHz, 50-ms windows every 25 ms: 39 frames a clip, 200 samples a stride. */
    private static FeatureSettings settings(FeatureSettings.Normalization normalization) {
        return new FeatureSettings(8000, 1000, 50, 25, 20, FeatureSettings.Preprocess.MFCC, 20, 4000, 40)
                .withNormalization(normalization);
    }

    private static FeatureSettings pcen(FeatureSettings.Preprocess preprocess) {
        return settings(FeatureSettings.Normalization.MEAN)
                .withPreprocess(preprocess)
                .withCompression(FeatureSettings.Compression.PCEN);
    }

    private static float[] clipFeatures(FeatureSettings settings, float[] recording, int start) {
        float[] out = new float[settings.featureSize()];
        FeatureExtractors.create(settings).extract(Arrays.copyOfRange(recording, start, start + 8000), out, 0);
        return out;
    }

    @ParameterizedTest(name = "{0}: windows hopping over a recording are exactly the clip features of each window")
    @EnumSource(FeatureSettings.Normalization.class)
    void overlappingWindowsEqualTheirClipFeaturesExactly(FeatureSettings.Normalization normalization) {
        assertWindowsAreClips(settings(normalization));
    }

    @ParameterizedTest(name = "{0} with PCEN, whose smoother runs over each window's own frames: the same")
    @EnumSource(
            value = FeatureSettings.Preprocess.class,
            names = {"MFCC", "LOGMEL"})
    void pcenWindowsEqualTheirClipFeaturesExactly(FeatureSettings.Preprocess preprocess) {
        assertWindowsAreClips(pcen(preprocess));
    }

    private static void assertWindowsAreClips(FeatureSettings settings) {
        float[] recording = Signals.chirp(100, 3500, 0.5, 8000, 8000 * 5);
        WindowFeatures windows = new WindowFeatures(settings);
        // half-clip hops share frames; 4100 is off the stride; the jump to 24000 shares none; 32000 is the last
        for (int start : new int[] {0, 200, 4000, 4100, 8000, 12000, 24000, 32000}) {
            float[] shared = new float[settings.featureSize() + 5];
            windows.extract(start, recording, start, shared, 5);
            assertArrayEquals(
                    clipFeatures(settings, recording, start),
                    Arrays.copyOfRange(shared, 5, shared.length),
                    "window at " + start);
        }
    }

    @Test
    void aWindowMayLieAnywhereInTheArrayItIsGivenIn() {
        FeatureSettings settings = settings(FeatureSettings.Normalization.NONE);
        float[] recording = Signals.noise(0.2, 5, 8000 * 3);
        WindowFeatures windows = new WindowFeatures(settings);
        float[] first = new float[settings.featureSize()];
        windows.extract(8000, recording, 8000, first, 0);
        // the next window arrives in a buffer that starts at sample 12000 - 300 of the recording
        float[] buffer = Arrays.copyOfRange(recording, 12000 - 300, recording.length);
        float[] second = new float[settings.featureSize()];
        windows.extract(12000, buffer, 300, second, 0);
        assertArrayEquals(clipFeatures(settings, recording, 12000), second);
    }

    @Test
    void afterARestartNoFrameOfTheOldRecordingIsReused() {
        FeatureSettings settings = settings(FeatureSettings.Normalization.NONE);
        float[] night = Signals.noise(0.2, 5, 8000 * 2);
        float[] other = Signals.sine(440, 0.3, 8000, 8000 * 2);
        WindowFeatures windows = new WindowFeatures(settings);
        windows.extract(0, night, 0, new float[settings.featureSize()], 0);
        windows.restart();
        float[] out = new float[settings.featureSize()];
        windows.extract(4000, other, 4000, out, 0);
        assertArrayEquals(clipFeatures(settings, other, 4000), out);
    }

    @Test
    void refusesAWindowThatRunsPastItsArray() {
        WindowFeatures windows = new WindowFeatures(settings(FeatureSettings.Normalization.NONE));
        assertThrows(
                IllegalArgumentException.class, () -> windows.extract(0, new float[9000], 2000, new float[39 * 20], 0));
    }
}
