package org.babble.core.features;

/**
 * Log (or {@link Pcen}) mel energies: {@link MfccExtractor} without the DCT, with {@code featureBinCount} filterbank
 * channels (so {@code melChannels} is not used). Convolutions see neighbouring bands as neighbours, which the DCT
 * scrambles.
 */
public final class LogMelExtractor extends MelExtractor {
    public LogMelExtractor(FeatureSettings settings) {
        super(settings, settings.featureBinCount());
    }

    @Override
    void transform(double[] compressed, float[] destination, int at) {
        for (int c = 0; c < compressed.length; c++) {
            destination[at + c] = (float) compressed[c];
        }
    }
}
