package org.babble.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.babble.core.features.FeatureSettings.Preprocess;
import org.junit.jupiter.api.Test;

class FeatureSettingsTest {

    @Test
    void tensorFlowDefaultsAt16kHz() {
        FeatureSettings s = FeatureSettings.defaults(16000, 1000);
        assertEquals(16000, s.desiredSamples());
        assertEquals(480, s.windowSizeSamples());
        assertEquals(160, s.windowStrideSamples());
        assertEquals(512, s.fftLength());
        assertEquals(98, s.frameCount());
        assertEquals(40, s.binsPerFrame());
        assertEquals(98 * 40, s.featureSize());
    }

    @Test
    void windowSamplesTruncateAsTensorFlowsInt() {
        FeatureSettings s = FeatureSettings.defaults(22050, 1000);
        assertEquals(661, s.windowSizeSamples(), "int(22050 * 30 / 1000) = int(661.5)");
        assertEquals(220, s.windowStrideSamples(), "int(220.5)");
        assertEquals(1024, s.fftLength());
    }

    @Test
    void averagePoolingGivesTensorFlowsFingerprintWidth() {
        // fft_bin_count = 257, average_window_width = floor(257 / 40) = 6, fingerprint_width = ceil(257 / 6) = 43
        FeatureSettings at16k = FeatureSettings.defaults(16000, 1000).withPreprocess(Preprocess.AVERAGE);
        assertEquals(6, at16k.averageWindowWidth());
        assertEquals(43, at16k.binsPerFrame());
        // 513 bins: width 12, ceil(513 / 12) = 43
        FeatureSettings at22k = FeatureSettings.defaults(22050, 1000).withPreprocess(Preprocess.AVERAGE);
        assertEquals(12, at22k.averageWindowWidth());
        assertEquals(43, at22k.binsPerFrame());
    }

    @Test
    void badSettingsNameTheField() {
        assertNamed(
                "upperFrequencyHz", () -> new FeatureSettings(16000, 1000, 30, 10, 40, Preprocess.MFCC, 20, 8001, 40));
        assertNamed(
                "windowStrideMs", () -> new FeatureSettings(16000, 1000, 30, 0.01, 40, Preprocess.MFCC, 20, 4000, 40));
        assertNamed("windowSizeMs", () -> new FeatureSettings(16000, 20, 30, 10, 40, Preprocess.MFCC, 20, 4000, 40));
        assertNamed(
                "featureBinCount",
                () -> new FeatureSettings(16000, 1000, 30, 10, 300, Preprocess.AVERAGE, 20, 4000, 40));
        assertNamed(
                "featureBinCount", () -> new FeatureSettings(16000, 1000, 30, 10, 41, Preprocess.MFCC, 20, 4000, 40));
        assertNamed(
                "compression",
                () -> FeatureSettings.defaults(16000, 1000)
                        .withPreprocess(Preprocess.AVERAGE)
                        .withCompression(FeatureSettings.Compression.PCEN));
    }

    @Test
    void settingsSavedBeforeCompressionExistedReadAsTfsLog() {
        FeatureSettings old = new FeatureSettings(
                16000, 1000, 30, 10, 40, Preprocess.MFCC, 20, 4000, 40, FeatureSettings.Normalization.MEAN, null);
        assertEquals(FeatureSettings.Compression.LOG, old.compression());
        assertEquals(
                FeatureSettings.Compression.LOG,
                FeatureSettings.defaults(16000, 1000).compression());
    }

    private static void assertNamed(String field, Runnable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
        assertTrue(e.getMessage().contains(field), () -> e.getMessage() + " should name " + field);
    }

    @Test
    void sizesAFileCouldClaimAreBoundedBeforeAnythingIsAllocated() {
        Preprocess mfcc = Preprocess.MFCC;
        assertBounded(
                "clipDurationMs", () -> new FeatureSettings(16000, 2_000_000_000, 30, 10, 40, mfcc, 20, 4000, 40));
        assertBounded(
                "featureBinCount",
                () -> new FeatureSettings(16000, 1000, 30, 10, 16_777_216, Preprocess.LOGMEL, 20, 4000, 40));
        assertBounded("melChannels", () -> new FeatureSettings(16000, 1000, 30, 10, 40, mfcc, 20, 4000, 2_000_000_000));
        assertBounded("sampleRate", () -> new FeatureSettings(2_000_000_000, 1000, 30, 10, 40, mfcc, 20, 4000, 40));
        assertBounded(
                "clipDurationMs", () -> new FeatureSettings(16000, 100_000_000, 30, 0.0625, 40, mfcc, 20, 4000, 40));
        assertBounded("windowStrideMs", () -> new FeatureSettings(16000, 60_000, 30, 0.0625, 40, mfcc, 20, 4000, 40));
        assertBounded(
                "windowSizeMs",
                () -> new FeatureSettings(16000, 1000, Double.POSITIVE_INFINITY, 10, 40, mfcc, 20, 4000, 40));
        assertBounded("windowSizeMs", () -> new FeatureSettings(768_000, 60_000, 1000, 10, 40, mfcc, 20, 4000, 40));
        FeatureSettings longest =
                new FeatureSettings(16000, FeatureSettings.MAX_CLIP_DURATION_MS, 30, 10, 40, mfcc, 20, 4000, 40);
        assertEquals(5998 * 40, longest.featureSize());
    }

    private static void assertBounded(String field, org.junit.jupiter.api.function.Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().startsWith("invalid feature setting " + field), e.getMessage());
    }
}
