package org.babble.core.features;

import org.babble.core.audio.SampleRates;

/**
 * Everything that decides what a network sees of a clip. Saved with every checkpoint and frozen model, so inference
 * computes exactly the features the model was trained on.
 *
 * <p>Defaults follow TensorFlow's speech_commands example ({@code --window_size_ms 30 --window_stride_ms 10
 * --feature_bin_count 40 --preprocess mfcc}).
 *
 * @param sampleRate       Hz every clip is resampled to
 * @param clipDurationMs   clip length; shorter clips are zero-padded, longer ones cut
 * @param windowSizeMs     analysis window
 * @param windowStrideMs   hop between windows
 * @param featureBinCount  MFCC coefficients, mel bands or pooled spectrogram bins (see {@link #binsPerFrame()})
 * @param preprocess       which features
 * @param lowerFrequencyHz lower edge of the mel filterbank
 * @param upperFrequencyHz upper edge of the mel filterbank (at most Nyquist)
 * @param melChannels      filterbank channels before the DCT (TF: 40)
 * @param normalization    how each clip's features are normalised over its own frames (TF: none)
 * @param compression      how mel band magnitudes are compressed before the DCT: TF's log, or {@link Pcen}
 */
public record FeatureSettings(
        int sampleRate,
        int clipDurationMs,
        double windowSizeMs,
        double windowStrideMs,
        int featureBinCount,
        Preprocess preprocess,
        double lowerFrequencyHz,
        double upperFrequencyHz,
        int melChannels,
        Normalization normalization,
        Compression compression) {

    /** The feature families babble can compute. */
    public enum Preprocess {
        /** TF's Mfcc op: mel filterbank, log, DCT-II. */
        MFCC,
        /** Log of the mel filterbank energies (no DCT) over {@code featureBinCount} channels; ignores melChannels. */
        LOGMEL,
        /**
         * TF's "average": the squared-magnitude spectrogram average-pooled in windows of
         * {@code floor(spectrumBins / featureBinCount)} bins, giving {@link FeatureSettings#binsPerFrame()} bins (TF's
         * {@code fingerprint_width}, at least {@code featureBinCount}).
         */
        AVERAGE
    }

    /** A minute: far longer than any sound babble detects in one clip; longer recordings are scored in windows. */
    public static final int MAX_CLIP_DURATION_MS = 60_000;
    /** Bins and mel channels: TF's examples use 40, speech models rarely pass 128. */
    public static final int MAX_BINS = 1024;
    /** Samples in one analysis window (the FFT length then stays at most 65536). */
    public static final int MAX_WINDOW_SAMPLES = 1 << 16;
    /** Floats per clip (frames times bins, 4 MB): a batch of a hundred such clips still fits a small machine. */
    public static final long MAX_FEATURE_SIZE = 1 << 20;

    /**
     * What each clip's features are normalised by over the clip's own frames, after the log (and DCT). A microphone's
     * or a room's fixed colouring adds the same amount to each log band (and so to each coefficient) in every frame;
     * subtracting each bin's mean over the clip removes it, together with the clip's level.
     */
    public enum Normalization {
        /** The features as computed (TF). */
        NONE,
        /** Each bin's mean over the clip's frames subtracted (cepstral mean normalisation). */
        MEAN,
        /** {@link #MEAN}, then each bin divided by its standard deviation over the clip's frames (floored). */
        STANDARD
    }

    /**
     * How each frame's mel band magnitudes are compressed before the DCT (MFCC) or as the features (log-mel). Audio
     * reaches a detector at any level and over any background; the log turns both into offsets, PCEN divides them out.
     */
    public enum Compression {
        /** TF's floored natural log. */
        LOG,
        /** {@link Pcen}: each band over its own smoothed level, then a square root; mel features only. */
        PCEN
    }

    /** Without a normalisation, with the log: as TF computes features. */
    public FeatureSettings(
            int sampleRate,
            int clipDurationMs,
            double windowSizeMs,
            double windowStrideMs,
            int featureBinCount,
            Preprocess preprocess,
            double lowerFrequencyHz,
            double upperFrequencyHz,
            int melChannels) {
        this(
                sampleRate,
                clipDurationMs,
                windowSizeMs,
                windowStrideMs,
                featureBinCount,
                preprocess,
                lowerFrequencyHz,
                upperFrequencyHz,
                melChannels,
                Normalization.NONE,
                Compression.LOG);
    }

    /**
     * Checks every field, upper bounds included: settings come from files people share (a model's metadata, a
     * checkpoint), and each size here becomes an allocation.
     */
    public FeatureSettings {
        if (normalization == null) {
            normalization = Normalization.NONE; // models and checkpoints written before the field existed
        }
        if (compression == null) {
            compression = Compression.LOG; // likewise
        }
        require(SampleRates.plausible(sampleRate), "sampleRate (within " + SampleRates.RANGE + ")", sampleRate);
        require(
                clipDurationMs > 0 && clipDurationMs <= MAX_CLIP_DURATION_MS,
                "clipDurationMs (1 to " + MAX_CLIP_DURATION_MS + ")",
                clipDurationMs);
        require(
                windowSizeMs > 0 && windowSizeMs <= clipDurationMs,
                "windowSizeMs (positive, at most clipDurationMs)",
                windowSizeMs);
        require(
                windowStrideMs > 0 && windowStrideMs <= clipDurationMs,
                "windowStrideMs (positive, at most " + "clipDurationMs)",
                windowStrideMs);
        require(
                featureBinCount > 0 && featureBinCount <= MAX_BINS,
                "featureBinCount (1 to " + MAX_BINS + ")",
                featureBinCount);
        require(preprocess != null, "preprocess", preprocess);
        require(lowerFrequencyHz >= 0, "lowerFrequencyHz", lowerFrequencyHz);
        require(
                upperFrequencyHz > lowerFrequencyHz && upperFrequencyHz <= sampleRate / 2.0,
                "upperFrequencyHz",
                upperFrequencyHz);
        require(
                compression == Compression.LOG || preprocess != Preprocess.AVERAGE,
                "compression (pcen needs mel features: mfcc or logmel)",
                compression);
        require(melChannels > 0 && melChannels <= MAX_BINS, "melChannels (1 to " + MAX_BINS + ")", melChannels);
        require(
                preprocess != Preprocess.MFCC || featureBinCount <= melChannels,
                "featureBinCount (at most melChannels " + "for mfcc)",
                featureBinCount);
        int window = samples(sampleRate, windowSizeMs);
        require(
                window >= 2 && window <= MAX_WINDOW_SAMPLES,
                "windowSizeMs (2 to " + MAX_WINDOW_SAMPLES + " samples)",
                windowSizeMs);
        require(samples(sampleRate, windowStrideMs) >= 1, "windowStrideMs (at least 1 sample)", windowStrideMs);
        require(window <= samples(sampleRate, clipDurationMs), "windowSizeMs (at most clipDurationMs)", windowSizeMs);
        require(
                preprocess != Preprocess.AVERAGE || featureBinCount <= Fft.nextPowerOfTwo(window) / 2 + 1,
                "featureBinCount (at most the " + (Fft.nextPowerOfTwo(window) / 2 + 1) + " spectrum bins for average)",
                featureBinCount);
        long frames = 1 + ((long) samples(sampleRate, clipDurationMs) - window) / samples(sampleRate, windowStrideMs);
        long perFrame = preprocess == Preprocess.AVERAGE ? Fft.nextPowerOfTwo(window) / 2 + 1 : featureBinCount;
        require(
                frames * perFrame <= MAX_FEATURE_SIZE,
                "windowStrideMs (" + frames + " frames of " + perFrame + " bins are more than " + MAX_FEATURE_SIZE
                        + " values a clip)",
                windowStrideMs);
    }

    /** TF speech_commands defaults for the given clip format. */
    public static FeatureSettings defaults(int sampleRate, int clipDurationMs) {
        return new FeatureSettings(
                sampleRate, clipDurationMs, 30, 10, 40, Preprocess.MFCC, 20, defaultUpperFrequencyHz(sampleRate), 40);
    }

    /** TF's 4000 Hz top of the mel filterbank, or Nyquist when that is lower. */
    public static double defaultUpperFrequencyHz(int sampleRate) {
        return Math.min(4000, sampleRate / 2.0);
    }

    /**
     * The highest frequency the features read: the mel filterbank's top, or Nyquist for {@link Preprocess#AVERAGE},
     * which pools the whole spectrum. Audio above it never reaches the model, so resampling to the model's rate need
     * only keep the band below it exact ({@link org.babble.core.audio.Resampler#resample(float[], int, int, double)}).
     */
    public double highestFrequencyUsedHz() {
        return preprocess == Preprocess.AVERAGE ? sampleRate / 2.0 : upperFrequencyHz;
    }

    /** Samples in one clip. */
    public int desiredSamples() {
        return (int) ((long) sampleRate * clipDurationMs / 1000);
    }

    /** Samples in one analysis window. */
    public int windowSizeSamples() {
        return samples(sampleRate, windowSizeMs);
    }

    /** Samples between window starts. */
    public int windowStrideSamples() {
        return samples(sampleRate, windowStrideMs);
    }

    /** FFT length: the next power of two at or above the window (TF's {@code audio_spectrogram}). */
    public int fftLength() {
        return Fft.nextPowerOfTwo(windowSizeSamples());
    }

    /** Spectrum bins per frame, DC to Nyquist. */
    public int spectrumBinCount() {
        return fftLength() / 2 + 1;
    }

    /** Spectrum bins pooled into one output bin by {@link Preprocess#AVERAGE} (TF's {@code average_window_width}). */
    public int averageWindowWidth() {
        return spectrumBinCount() / featureBinCount;
    }

    /**
     * Columns of each feature row (TF's {@code fingerprint_width}): {@code featureBinCount} for MFCC and log-mel;
     * for average, {@code ceil(spectrumBins / averageWindowWidth)}, e.g. 43 for the default 40 at 16 kHz.
     */
    public int binsPerFrame() {
        if (preprocess != Preprocess.AVERAGE) {
            return featureBinCount;
        }
        int width = averageWindowWidth();
        return (spectrumBinCount() + width - 1) / width;
    }

    /** Floats per clip: {@code frameCount() * binsPerFrame()} (TF's {@code fingerprint_size}). */
    public int featureSize() {
        return frameCount() * binsPerFrame();
    }

    /** Frames per clip, as TF computes {@code spectrogram_length}. */
    public int frameCount() {
        int length = desiredSamples() - windowSizeSamples();
        return length < 0 ? 0 : 1 + length / windowStrideSamples();
    }

    public FeatureSettings withPreprocess(Preprocess value) {
        return with(value, normalization, compression);
    }

    public FeatureSettings withNormalization(Normalization value) {
        return with(preprocess, value, compression);
    }

    public FeatureSettings withCompression(Compression value) {
        return with(preprocess, normalization, value);
    }

    private FeatureSettings with(Preprocess newPreprocess, Normalization newNormalization, Compression newCompression) {
        return new FeatureSettings(
                sampleRate,
                clipDurationMs,
                windowSizeMs,
                windowStrideMs,
                featureBinCount,
                newPreprocess,
                lowerFrequencyHz,
                upperFrequencyHz,
                melChannels,
                newNormalization,
                newCompression);
    }

    /** TF's {@code int(sample_rate * ms / 1000)}, rounded first so 30 ms at 22050 Hz is not lost to 661.4999. */
    private static int samples(int sampleRate, double ms) {
        return (int) (Math.round(sampleRate * ms) / 1000);
    }

    private static void require(boolean ok, String field, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("invalid feature setting " + field + ": " + value);
        }
    }
}
