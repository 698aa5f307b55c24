package org.babble.dataset.testing;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.babble.core.features.FeatureExtractor;
import org.babble.core.features.FeatureSettings;

/**
 * A cheap stand-in extractor for data set tests: feature [f][k] is the mean of sub-block k of frame f's window, so a
 * clip's features follow its samples and tests can tell clips apart. Counts every call.
 */
public final class CountingExtractor implements FeatureExtractor {
    private final FeatureSettings settings;
    private final AtomicInteger calls;

    private CountingExtractor(FeatureSettings settings, AtomicInteger calls) {
        this.settings = settings;
        this.calls = calls;
    }

    /** A factory whose extractors all count into {@code calls}. */
    public static Supplier<FeatureExtractor> factory(FeatureSettings settings, AtomicInteger calls) {
        return () -> new CountingExtractor(settings, calls);
    }

    @Override
    public FeatureSettings settings() {
        return settings;
    }

    @Override
    public void extract(float[] samples, float[] destination, int offset) {
        if (samples.length != settings.desiredSamples()) {
            throw new IllegalArgumentException(
                    "expected " + settings.desiredSamples() + " samples, got " + samples.length);
        }
        calls.incrementAndGet();
        int frames = settings.frameCount();
        int bins = settings.binsPerFrame();
        int window = settings.windowSizeSamples();
        int block = Math.max(1, window / bins);
        for (int f = 0; f < frames; f++) {
            int start = f * settings.windowStrideSamples();
            for (int k = 0; k < bins; k++) {
                double sum = 0;
                for (int i = 0; i < block; i++) {
                    sum += samples[Math.min(samples.length - 1, start + k * block + i)];
                }
                destination[offset + f * bins + k] = (float) (sum / block);
            }
        }
    }
}
