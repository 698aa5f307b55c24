package org.babble.core.features;

import java.util.Arrays;

/**
 * What the mel families share: the spectrum of each frame through a {@link MelFilterbank}, then a per-frame finish
 * that each family defines.
 */
abstract class MelExtractor extends SpectralExtractor implements MelBandExtractor {
    private final MelFilterbank filterbank;
    private final double[] energies;

    MelExtractor(FeatureSettings settings, int bands) {
        super(settings);
        this.filterbank = new MelFilterbank(
                spectrumBins(), settings.sampleRate(), bands, settings.lowerFrequencyHz(), settings.upperFrequencyHz());
        useSpectrumBinsBelow(filterbank.endBin() + 1);
        this.energies = new double[bands];
    }

    @Override
    public final double[] bandCentresHz() {
        return filterbank.centresHz();
    }

    @Override
    public final float[][] bands(float[] recording) {
        float[][] out = new float[frameCount(recording.length)][energies.length];
        for (int f = 0; f < out.length; f++) {
            filterbank.apply(powerFrame(recording, f), energies);
            for (int c = 0; c < energies.length; c++) {
                out[f][c] = (float) energies[c];
            }
        }
        return out;
    }

    @Override
    public final float[][] finish(float[][] bands) {
        int bins = settings().binsPerFrame();
        float[] flat = new float[bands.length * bins];
        for (int f = 0; f < bands.length; f++) {
            for (int c = 0; c < energies.length; c++) {
                energies[c] = bands[f][c];
            }
            finish(energies, flat, f * bins);
        }
        ClipNormalizer.apply(settings().normalization(), flat, 0, bands.length, bins);
        float[][] out = new float[bands.length][];
        for (int f = 0; f < bands.length; f++) {
            out[f] = Arrays.copyOfRange(flat, f * bins, (f + 1) * bins);
        }
        return out;
    }

    @Override
    final void reduce(float[] power, float[] destination, int at) {
        filterbank.apply(power, energies);
        finish(energies, destination, at);
    }

    /** Turns one frame's band magnitudes (may be overwritten) into {@code destination[at .. at + binsPerFrame)}. */
    abstract void finish(double[] energies, float[] destination, int at);

    /** TF's floored natural log of every band, in place. */
    static void logFloored(double[] energies) {
        for (int c = 0; c < energies.length; c++) {
            energies[c] = Math.log(Math.max(energies[c], MfccExtractor.FLOOR));
        }
    }
}
