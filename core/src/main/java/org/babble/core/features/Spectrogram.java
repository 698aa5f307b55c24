package org.babble.core.features;

/**
 * TensorFlow's {@code audio_spectrogram}: frames of {@code windowSize} samples every {@code stride} samples, periodic
 * Hann window, FFT length the next power of two, {@code fftLength / 2 + 1} bins per frame. Only whole frames are
 * produced: {@code 1 + (samples - windowSize) / stride}, or none when the signal is shorter than a window.
 *
 * <p>speech_commands asks for {@code magnitude_squared=True}; {@link #power} gives that, {@link #magnitude} its square
 * root. Not thread-safe: one per thread.
 */
public final class Spectrogram {
    private final int windowSize;
    private final int stride;
    private final Fft fft;

    public Spectrogram(int windowSize, int stride) {
        if (stride < 1) {
            throw new IllegalArgumentException("spectrogram stride must be positive, got " + stride);
        }
        this.windowSize = windowSize;
        this.stride = stride;
        this.fft = new Fft(windowSize);
    }

    /** Bins per frame, DC to Nyquist. */
    public int binCount() {
        return fft.binCount();
    }

    /** Whole frames that fit in {@code sampleCount} samples (TF's {@code spectrogram_length}). */
    public int frameCount(int sampleCount) {
        int length = sampleCount - windowSize;
        return length < 0 ? 0 : 1 + length / stride;
    }

    /** Squared magnitudes of frame {@code frame} into {@code power[0 .. binCount() - 1]}; allocates nothing. */
    public void powerFrame(float[] samples, int frame, float[] power) {
        fft.powerSpectrum(samples, frame * stride, power);
    }

    /** As {@link #powerFrame(float[], int, float[])}, for bins {@code 0 .. bins - 1} only. */
    public void powerFrame(float[] samples, int frame, float[] power, int bins) {
        fft.powerSpectrum(samples, frame * stride, power, bins);
    }

    /** As {@link #powerFrame(float[], int, float[], int)}, for the window starting at {@code samples[offset]}. */
    public void powerAt(float[] samples, int offset, float[] power, int bins) {
        fft.powerSpectrum(samples, offset, power, bins);
    }

    /** Squared magnitudes, {@code [frame][bin]}. */
    public float[][] power(float[] samples) {
        float[][] out = new float[frameCount(samples.length)][binCount()];
        for (int f = 0; f < out.length; f++) {
            powerFrame(samples, f, out[f]);
        }
        return out;
    }

    /** Magnitudes (TF's default {@code magnitude_squared=False}), {@code [frame][bin]}. */
    public float[][] magnitude(float[] samples) {
        float[][] out = power(samples);
        for (float[] row : out) {
            for (int k = 0; k < row.length; k++) {
                row[k] = (float) Math.sqrt(row[k]);
            }
        }
        return out;
    }
}
