package org.babble.core.features;

/**
 * A feature family built on mel bands, split in two: the linear band magnitudes of each frame (the costly part: an FFT
 * per frame), and the cheap finish (log, DCT, normalisation) that turns them into features. Training varies each clip on
 * its cached band magnitudes (gain, tone, band limits, background noise, time shift) instead of featurising the varied
 * audio afresh every step.
 */
public interface MelBandExtractor extends FeatureExtractor {
    /** Centre frequency of each band, Hz. */
    double[] bandCentresHz();

    /** Band magnitudes {@code [frame][band]} of every whole frame of a recording of any length. */
    float[][] bands(float[] recording);

    /**
     * Features {@code [frame][bin]} of a clip from its band magnitudes {@code [frame][band]}: their compression and the
     * transform of every frame, then the clip's normalisation ({@link FeatureSettings#normalization()}), as
     * {@link #extract} computes them.
     */
    float[][] finish(float[][] bands);
}
