package org.babble.core.features;

/** Picks the {@link FeatureExtractor} for a {@link FeatureSettings#preprocess()}. */
public final class FeatureExtractors {
    private FeatureExtractors() {}

    /** A new extractor (own buffers: one per thread). */
    public static FeatureExtractor create(FeatureSettings settings) {
        return switch (settings.preprocess()) {
            case MFCC -> new MfccExtractor(settings);
            case LOGMEL -> new LogMelExtractor(settings);
            case AVERAGE -> new AverageExtractor(settings);
        };
    }
}
