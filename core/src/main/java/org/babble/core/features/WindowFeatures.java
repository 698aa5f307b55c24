package org.babble.core.features;

import java.util.Arrays;

/**
 * The model's input for clip-long windows of one longer recording, taken in order of their start (classify hopping
 * over a file, the monitor over a night). Windows that start on a multiple of the stride share their frames: frame
 * {@code f} of the recording is computed once, kept while a later window may still need it, and copied into every
 * window that holds it. Reused frames are the very values featurising the window as a clip computes, so the result
 * equals {@link FeatureExtractor#extract} of the window exactly; a window off the stride has all its frames computed.
 * Each window is normalised over its own frames.
 *
 * <p>Holds one clip of frames whatever the recording's length. Not thread-safe (one per stream).
 */
public final class WindowFeatures {
    private final FeatureSettings settings;
    private final SpectralExtractor extractor;
    private final int frames;
    private final int bins;
    private final int stride;
    /** Frame {@code f} of the recording sits in slot {@code f % frames}, tagged with {@code f} in {@link #held}. */
    private final float[] kept;

    private final long[] held;

    public WindowFeatures(FeatureSettings settings) {
        this.settings = settings;
        this.extractor = (SpectralExtractor) FeatureExtractors.create(settings);
        this.frames = settings.frameCount();
        this.bins = settings.binsPerFrame();
        this.stride = settings.windowStrideSamples();
        this.kept = new float[frames * bins];
        this.held = new long[frames];
        restart();
    }

    /** Forgets every frame: the next window belongs to another recording. */
    public void restart() {
        Arrays.fill(held, -1);
    }

    /**
     * Features of the window that starts at sample {@code start} of the recording and lies in
     * {@code samples[from .. from + desiredSamples)}, into {@code destination[offset .. offset + featureSize)}.
     */
    public void extract(long start, float[] samples, int from, float[] destination, int offset) {
        int length = settings.desiredSamples();
        if (from < 0 || samples.length - from < length) {
            throw new IllegalArgumentException(
                    "a window needs " + length + " samples from " + from + ", the array holds " + samples.length);
        }
        if (start % stride != 0) { // off the stride: its frames are no other window's
            for (int i = 0; i < frames; i++) {
                extractor.extractFrameAt(samples, from + i * stride, destination, offset + i * bins);
            }
            ClipNormalizer.apply(settings.normalization(), destination, offset, frames, bins);
            return;
        }
        long first = start / stride;
        for (int i = 0; i < frames; i++) {
            long frame = first + i;
            int slot = (int) (frame % frames);
            if (held[slot] != frame) {
                extractor.extractFrameAt(samples, from + i * stride, kept, slot * bins);
                held[slot] = frame;
            }
            System.arraycopy(kept, slot * bins, destination, offset + i * bins, bins);
        }
        ClipNormalizer.apply(settings.normalization(), destination, offset, frames, bins);
    }
}
