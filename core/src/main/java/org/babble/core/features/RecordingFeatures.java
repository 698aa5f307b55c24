package org.babble.core.features;

/**
 * The features of a whole recording, frames first, computed once. Every frame of a clip-long window that starts on a
 * multiple of the stride is also a frame of the recording, so overlapping windows (a classifier hopping half a clip)
 * can share one featurisation instead of computing each frame twice: the values are identical, not approximately equal.
 * The frames are kept as computed; each window is normalised over its own frames when it is copied out.
 *
 * @param frames rows in {@code values}
 * @param bins   values per row
 * @param values row-major {@code [frames][bins]}
 */
public record RecordingFeatures(FeatureSettings settings, int frames, int bins, float[] values) {

    /** Featurises {@code samples} (mono, at the settings' rate, any length). */
    public static RecordingFeatures of(FeatureSettings settings, float[] samples) {
        SpectralExtractor extractor = (SpectralExtractor) FeatureExtractors.create(settings);
        int frames = extractor.frameCount(samples.length);
        int bins = settings.binsPerFrame();
        float[] values = new float[Math.multiplyExact(frames, bins)];
        extractor.extractFrames(samples, 0, frames, values, 0);
        return new RecordingFeatures(settings, frames, bins, values);
    }

    /**
     * Whether the clip-long window starting at sample {@code start} is made of this recording's frames: it starts on a
     * stride boundary and all its frames lie inside the recording.
     */
    public boolean covers(long start) {
        int stride = settings.windowStrideSamples();
        return start % stride == 0 && start / stride + settings.frameCount() <= frames;
    }

    /**
     * Copies the window starting at sample {@code start} (see {@link #covers}) into {@code destination}, normalised
     * over the window's frames as the settings say: exactly what featurising the window as a clip gives.
     */
    public void copyWindow(long start, float[] destination, int offset) {
        int first = (int) (start / settings.windowStrideSamples());
        int frames = settings.frameCount();
        System.arraycopy(values, first * bins, destination, offset, frames * bins);
        ClipNormalizer.apply(settings.normalization(), destination, offset, frames, bins);
    }
}
