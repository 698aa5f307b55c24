package org.babble.core.features;

import java.util.Arrays;

/**
 * The model's input for clip-long windows of one longer recording, taken in order of their start (classify hopping
 * over a file, the monitor over a night). Windows that start on a multiple of the stride share their frames: frame
 * {@code f} of the recording is computed once, kept while a later window may still need it, and copied into every
 * window that holds it. Reused frames are the very values featurising the window as a clip computes, so the result
 * equals {@link FeatureExtractor#extract} of the window exactly; a window off the stride has all its frames computed.
 * Each window is normalised over its own frames; with {@link Pcen}, whose smoother runs over a clip's frames, the band
 * magnitudes of frames are what is kept and shared, and each window is finished from its own.
 *
 * <p>Holds one clip of frames whatever the recording's length. Not thread-safe (one per stream).
 */
public final class WindowFeatures {
    private final FeatureSettings settings;
    private final SpectralExtractor extractor;
    /** Non-null when a window's frames are finished together ({@link Pcen}): then the frames kept are band magnitudes. */
    private final MelExtractor banded;

    private final int frames;
    private final int bins;
    /** Floats kept per frame: its features, or its band magnitudes when {@link #banded}. */
    private final int width;

    private final int stride;
    /** Frame {@code f} of the recording sits in slot {@code f % frames}, tagged with {@code f} in {@link #held}. */
    private final float[] kept;

    private final long[] held;
    /** The window's band magnitudes, frame by frame, when {@link #banded}. */
    private final float[][] windowBands;

    public WindowFeatures(FeatureSettings settings) {
        this.settings = settings;
        this.extractor = (SpectralExtractor) FeatureExtractors.create(settings);
        this.banded = extractor instanceof MelExtractor mel && mel.framesDependOnEachOther() ? mel : null;
        this.frames = settings.frameCount();
        this.bins = settings.binsPerFrame();
        this.width = banded == null ? bins : banded.bandCentresHz().length;
        this.stride = settings.windowStrideSamples();
        this.kept = new float[frames * width];
        this.held = new long[frames];
        this.windowBands = banded == null ? null : new float[frames][width];
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
        boolean onStride = start % stride == 0; // off the stride, a window's frames are no other window's
        long first = start / stride;
        for (int i = 0; i < frames; i++) {
            int at = from + i * stride;
            if (!onStride) {
                frame(samples, at, rowOf(i, destination), rowStart(i, offset));
                continue;
            }
            long frame = first + i;
            int slot = (int) (frame % frames);
            if (held[slot] != frame) {
                frame(samples, at, kept, slot * width);
                held[slot] = frame;
            }
            System.arraycopy(kept, slot * width, rowOf(i, destination), rowStart(i, offset), width);
        }
        if (banded != null) {
            banded.finishInto(windowBands, destination, offset);
        } else {
            ClipNormalizer.apply(settings.normalization(), destination, offset, frames, bins);
        }
    }

    /** Frame {@code i}'s features, or (banded) its band magnitudes, go to this array ... */
    private float[] rowOf(int i, float[] destination) {
        return banded == null ? destination : windowBands[i];
    }

    /** ... from this index. */
    private int rowStart(int i, int offset) {
        return banded == null ? offset + i * bins : 0;
    }

    private void frame(float[] samples, int from, float[] into, int at) {
        if (banded != null) {
            banded.bandsAt(samples, from, into, at);
        } else {
            extractor.extractFrameAt(samples, from, into, at);
        }
    }
}
