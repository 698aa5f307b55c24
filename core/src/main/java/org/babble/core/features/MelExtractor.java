package org.babble.core.features;

import java.util.Arrays;

/**
 * What the mel families share: the spectrum of each frame through a {@link MelFilterbank}, a compression of its band
 * magnitudes ({@link FeatureSettings.Compression}: a log per frame, or {@link Pcen} over the clip's frames), then a
 * per-frame transform that each family defines.
 */
abstract class MelExtractor extends SpectralExtractor implements MelBandExtractor {
    private final MelFilterbank filterbank;
    private final double[] energies;
    /** Null for the log, whose frames are finished one by one. */
    private final Pcen pcen;

    MelExtractor(FeatureSettings settings, int bands) {
        super(settings);
        this.filterbank = new MelFilterbank(
                spectrumBins(), settings.sampleRate(), bands, settings.lowerFrequencyHz(), settings.upperFrequencyHz());
        useSpectrumBinsBelow(filterbank.endBin() + 1);
        this.energies = new double[bands];
        this.pcen =
                settings.compression() == FeatureSettings.Compression.PCEN ? new Pcen(settings.windowStrideMs()) : null;
    }

    /** True when a frame's features depend on the clip's other frames ({@link Pcen}'s smoother). */
    final boolean framesDependOnEachOther() {
        return pcen != null;
    }

    @Override
    public final double[] bandCentresHz() {
        return filterbank.centresHz();
    }

    @Override
    public final float[][] bands(float[] recording) {
        float[][] out = new float[frameCount(recording.length)][energies.length];
        for (int f = 0; f < out.length; f++) {
            bandsOf(powerFrame(recording, f), out[f], 0);
        }
        return out;
    }

    /** One frame's band magnitudes, its window starting at {@code samples[from]}, into {@code destination[at ..]}. */
    final void bandsAt(float[] samples, int from, float[] destination, int at) {
        bandsOf(powerAt(samples, from), destination, at);
    }

    private void bandsOf(float[] power, float[] destination, int at) {
        filterbank.apply(power, energies);
        for (int c = 0; c < energies.length; c++) {
            destination[at + c] = (float) energies[c];
        }
    }

    @Override
    public final float[][] finish(float[][] bands) {
        int bins = settings().binsPerFrame();
        float[] flat = new float[bands.length * bins];
        finishInto(bands, flat, 0);
        float[][] out = new float[bands.length][];
        for (int f = 0; f < bands.length; f++) {
            out[f] = Arrays.copyOfRange(flat, f * bins, (f + 1) * bins);
        }
        return out;
    }

    /** {@link #finish(float[][])} into {@code destination[offset ..]}, frames first. */
    final void finishInto(float[][] bands, float[] destination, int offset) {
        int bins = settings().binsPerFrame();
        double[][] compressed = pcen == null ? null : pcen.apply(bands);
        for (int f = 0; f < bands.length; f++) {
            if (compressed != null) {
                transform(compressed[f], destination, offset + f * bins);
            } else {
                for (int c = 0; c < energies.length; c++) {
                    energies[c] = bands[f][c];
                }
                logAndTransform(energies, destination, offset + f * bins);
            }
        }
        ClipNormalizer.apply(settings().normalization(), destination, offset, bands.length, bins);
    }

    @Override
    final void extractClip(float[] samples, float[] destination, int offset) {
        if (pcen == null) {
            super.extractClip(samples, destination, offset);
        } else {
            finishInto(bands(samples), destination, offset);
        }
    }

    @Override
    final void reduce(float[] power, float[] destination, int at) {
        if (pcen != null) {
            // PCEN's smoother runs over the clip: frames are finished together, from their bands
            throw new IllegalStateException("PCEN features cannot be finished frame by frame");
        }
        filterbank.apply(power, energies);
        logAndTransform(energies, destination, at);
    }

    private void logAndTransform(double[] energies, float[] destination, int at) {
        logFloored(energies);
        transform(energies, destination, at);
    }

    /**
     * Turns one frame's compressed band magnitudes (may be overwritten) into
     * {@code destination[at .. at + binsPerFrame)}.
     */
    abstract void transform(double[] compressed, float[] destination, int at);

    /** TF's floored natural log of every band, in place. */
    static void logFloored(double[] energies) {
        for (int c = 0; c < energies.length; c++) {
            energies[c] = Math.log(Math.max(energies[c], MfccExtractor.FLOOR));
        }
    }
}
