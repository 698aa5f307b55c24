package org.babble.core.features;

/**
 * Applies a {@link FeatureSettings.Normalization} to one clip's features in place. Every path that makes a clip's
 * features (whole-clip extraction, the band path of training, windows of a longer recording) ends here, so training
 * and serving normalise alike.
 */
final class ClipNormalizer {
    /**
     * Smallest standard deviation divided by: a bin that barely moves over the clip (digital silence, a steady hum)
     * stays near zero instead of being blown up to unit variance.
     */
    static final double STD_FLOOR = 0.1;

    private ClipNormalizer() {}

    /** Normalises the row-major {@code [frames][bins]} features at {@code values[offset ..]}. */
    static void apply(FeatureSettings.Normalization normalization, float[] values, int offset, int frames, int bins) {
        if (normalization == FeatureSettings.Normalization.NONE || frames == 0) {
            return;
        }
        for (int b = 0; b < bins; b++) {
            double sum = 0;
            for (int f = 0; f < frames; f++) {
                sum += values[offset + f * bins + b];
            }
            double mean = sum / frames;
            double scale = 1;
            if (normalization == FeatureSettings.Normalization.STANDARD) {
                double squares = 0;
                for (int f = 0; f < frames; f++) {
                    double d = values[offset + f * bins + b] - mean;
                    squares += d * d;
                }
                scale = 1 / Math.max(Math.sqrt(squares / frames), STD_FLOOR);
            }
            for (int f = 0; f < frames; f++) {
                int at = offset + f * bins + b;
                values[at] = (float) ((values[at] - mean) * scale);
            }
        }
    }
}
