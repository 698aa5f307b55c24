package org.babble.core.features;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * One windowed real FFT of a fixed length: the step every spectrogram frame shares. The periodic Hann window and the
 * JTransforms plan are built once, so the per-frame work allocates nothing.
 *
 * <p>Follows TensorFlow's {@code audio_spectrogram}: the window is {@code 0.5 - 0.5 cos(2 pi i / N)} (periodic, not
 * symmetric), the windowed samples are zero-padded to the next power of two, and the transform is unnormalised, so a
 * sine of amplitude {@code a} peaks near {@code (a N / 4)^2} in power. The transform runs in double precision, as TF's
 * does: in float, the leakage far from a loud tone drowns in rounding noise and its logarithm (MFCC) drifts by whole
 * units; doubles cost under 5% more. Results are stored as float. Not thread-safe: one per thread.
 */
public final class Fft {
    private final int windowLength;
    private final int fftLength;
    private final double[] window;
    private final double[] buffer;
    private final DoubleFFT_1D transform;

    public Fft(int windowLength) {
        if (windowLength < 2) {
            throw new IllegalArgumentException("FFT window must be at least 2 samples, got " + windowLength);
        }
        this.windowLength = windowLength;
        this.fftLength = nextPowerOfTwo(windowLength);
        this.window = periodicHann(windowLength);
        this.buffer = new double[fftLength];
        this.transform = new DoubleFFT_1D(fftLength);
    }

    /** The smallest power of two that is at least {@code n} (TF's {@code NextPowerOfTwo}). */
    public static int nextPowerOfTwo(int n) {
        int power = 1;
        while (power < n) {
            power <<= 1;
        }
        return power;
    }

    /** TF's {@code GetPeriodicHann}: a Hann window of period {@code n}, so overlapping frames sum evenly. */
    public static double[] periodicHann(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
        }
        return w;
    }

    public int fftLength() {
        return fftLength;
    }

    /** Frequency bins from DC to Nyquist: {@code fftLength / 2 + 1}. */
    public int binCount() {
        return fftLength / 2 + 1;
    }

    /**
     * Squared magnitudes {@code re^2 + im^2} of the windowed frame starting at {@code samples[offset]}, for bins
     * {@code 0 .. binCount() - 1}, written to {@code power[0 .. binCount() - 1]}.
     */
    public void powerSpectrum(float[] samples, int offset, float[] power) {
        powerSpectrum(samples, offset, power, binCount());
    }

    /** As {@link #powerSpectrum(float[], int, float[])}, for bins {@code 0 .. bins - 1} only. */
    public void powerSpectrum(float[] samples, int offset, float[] power, int bins) {
        double[] b = buffer;
        double[] w = window;
        for (int i = 0; i < windowLength; i++) {
            b[i] = samples[offset + i] * w[i];
        }
        java.util.Arrays.fill(b, windowLength, fftLength, 0.0);
        transform.realForward(b);
        // JTransforms' packed layout: b[0] = Re(0), b[1] = Re(n/2), then (Re(k), Im(k)) pairs.
        power[0] = (float) (b[0] * b[0]);
        int half = fftLength / 2;
        if (bins > half) {
            power[half] = (float) (b[1] * b[1]);
        }
        int end = Math.min(bins, half);
        for (int k = 1; k < end; k++) {
            double re = b[2 * k];
            double im = b[2 * k + 1];
            power[k] = (float) (re * re + im * im);
        }
    }
}
