package org.babble.core.features;

/**
 * Log mel energies: {@link MfccExtractor} without the DCT, with {@code featureBinCount} filterbank channels (so
 * {@code melChannels} is not used). Convolutions see neighbouring bands as neighbours, which the DCT scrambles.
 */
public final class LogMelExtractor extends MelExtractor {
    public LogMelExtractor(FeatureSettings settings) {
        super(settings, settings.featureBinCount());
    }

    @Override
    void finish(double[] energies, float[] destination, int at) {
        logFloored(energies);
        for (int c = 0; c < energies.length; c++) {
            destination[at + c] = (float) energies[c];
        }
    }
}
