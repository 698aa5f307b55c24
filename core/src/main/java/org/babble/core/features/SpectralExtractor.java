package org.babble.core.features;

/**
 * The frame loop every feature family shares: power spectrum of each frame, then a per-frame reduction into one row of
 * the output. Buffers live as long as the extractor, so a clip costs no allocation.
 */
abstract class SpectralExtractor implements FeatureExtractor {
    private final FeatureSettings settings;
    private final Spectrogram spectrogram;
    private final float[] power;
    private final int frames;
    private final int bins;
    private int spectrumBinsUsed;

    SpectralExtractor(FeatureSettings settings) {
        this.settings = settings;
        this.spectrogram = new Spectrogram(settings.windowSizeSamples(), settings.windowStrideSamples());
        this.power = new float[spectrogram.binCount()];
        this.frames = settings.frameCount();
        this.bins = settings.binsPerFrame();
        this.spectrumBinsUsed = spectrogram.binCount();
    }

    /** Lets a reduction that reads only the low bins skip computing the rest. */
    final void useSpectrumBinsBelow(int bins) {
        spectrumBinsUsed = Math.min(bins, spectrogram.binCount());
    }

    @Override
    public final FeatureSettings settings() {
        return settings;
    }

    /** Spectrum bins per frame, DC to Nyquist. */
    final int spectrumBins() {
        return spectrogram.binCount();
    }

    @Override
    public final void extract(float[] samples, float[] destination, int offset) {
        if (samples.length != settings.desiredSamples()) {
            throw new IllegalArgumentException("expected " + settings.desiredSamples() + " samples ("
                    + settings.clipDurationMs() + " ms at " + settings.sampleRate() + " Hz), got " + samples.length
                    + "; pad or cut the clip first");
        }
        if (offset < 0 || destination.length - offset < frames * bins) {
            throw new IllegalArgumentException("destination holds " + (destination.length - offset) + " floats after "
                    + "offset " + offset + ", features need " + frames * bins);
        }
        extractClip(samples, destination, offset);
    }

    /** The features of a clip of exactly {@code desiredSamples}: frame by frame, then the clip's normalisation. */
    void extractClip(float[] samples, float[] destination, int offset) {
        extractFrames(samples, 0, frames, destination, offset);
        ClipNormalizer.apply(settings.normalization(), destination, offset, frames, bins);
    }

    /** Frames {@code first .. first + count - 1} of a recording of any length (frame f starts at sample f × stride). */
    final void extractFrames(float[] recording, int first, int count, float[] destination, int offset) {
        for (int f = first, at = offset; f < first + count; f++, at += bins) {
            reduce(powerFrame(recording, f), destination, at);
        }
    }

    /** One frame whose window starts at {@code samples[from]}, into {@code destination[at .. at + binsPerFrame)}. */
    final void extractFrameAt(float[] samples, int from, float[] destination, int at) {
        reduce(powerAt(samples, from), destination, at);
    }

    /** Squared magnitudes of the frame whose window starts at {@code samples[from]}, in a buffer the next call reuses. */
    final float[] powerAt(float[] samples, int from) {
        spectrogram.powerAt(samples, from, power, spectrumBinsUsed);
        return power;
    }

    /** Squared magnitudes of frame {@code f} of a recording of any length, in a buffer the next call reuses. */
    final float[] powerFrame(float[] recording, int f) {
        spectrogram.powerFrame(recording, f, power, spectrumBinsUsed);
        return power;
    }

    /** Whole frames in {@code samples} samples. */
    final int frameCount(int samples) {
        return spectrogram.frameCount(samples);
    }

    /** Turns one frame's squared magnitudes into {@code destination[at .. at + binsPerFrame)}. */
    abstract void reduce(float[] power, float[] destination, int at);
}
