package org.babble.dataset.augment;

import java.util.List;

/**
 * One second-order IIR section (Robert Bristow-Johnson's audio-EQ formulas, bilinear transform): the building block of
 * the band and tone changes training applies to clips so that other microphones, rooms and phones sound familiar.
 * Immutable; {@link #filter} runs in place from a zero state.
 */
public record Biquad(double b0, double b1, double b2, double a1, double a2) {
    /** Q of the two sections of a fourth-order Butterworth filter. */
    private static final double[] BUTTERWORTH_Q = {0.5411961001461971, 1.3065629648763766};

    private static final double SHELF_SLOPE_Q = Math.sqrt(0.5);

    /** A second-order low-pass at {@code hz} with quality {@code q}. */
    public static Biquad lowPass(double hz, double q, int sampleRate) {
        double w = omega(hz, sampleRate);
        double cos = Math.cos(w);
        double alpha = Math.sin(w) / (2 * q);
        return normalised((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /** A second-order high-pass at {@code hz} with quality {@code q}. */
    public static Biquad highPass(double hz, double q, int sampleRate) {
        double w = omega(hz, sampleRate);
        double cos = Math.cos(w);
        double alpha = Math.sin(w) / (2 * q);
        return normalised((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /** Raises (or lowers, for a negative gain) everything below {@code hz} by {@code gainDb}. */
    public static Biquad lowShelf(double hz, double gainDb, int sampleRate) {
        double a = Math.pow(10, gainDb / 40);
        double w = omega(hz, sampleRate);
        double cos = Math.cos(w);
        double root = 2 * Math.sqrt(a) * Math.sin(w) / (2 * SHELF_SLOPE_Q);
        return normalised(
                a * ((a + 1) - (a - 1) * cos + root),
                2 * a * ((a - 1) - (a + 1) * cos),
                a * ((a + 1) - (a - 1) * cos - root),
                (a + 1) + (a - 1) * cos + root,
                -2 * ((a - 1) + (a + 1) * cos),
                (a + 1) + (a - 1) * cos - root);
    }

    /** Raises (or lowers, for a negative gain) everything above {@code hz} by {@code gainDb}. */
    public static Biquad highShelf(double hz, double gainDb, int sampleRate) {
        double a = Math.pow(10, gainDb / 40);
        double w = omega(hz, sampleRate);
        double cos = Math.cos(w);
        double root = 2 * Math.sqrt(a) * Math.sin(w) / (2 * SHELF_SLOPE_Q);
        return normalised(
                a * ((a + 1) + (a - 1) * cos + root),
                -2 * a * ((a - 1) + (a + 1) * cos),
                a * ((a + 1) + (a - 1) * cos - root),
                (a + 1) - (a - 1) * cos + root,
                2 * ((a - 1) - (a + 1) * cos),
                (a + 1) - (a - 1) * cos - root);
    }

    /** A fourth-order Butterworth low-pass (flat pass band, 24 dB/octave) at {@code hz}: two sections. */
    public static List<Biquad> butterworthLowPass(double hz, int sampleRate) {
        return List.of(lowPass(hz, BUTTERWORTH_Q[0], sampleRate), lowPass(hz, BUTTERWORTH_Q[1], sampleRate));
    }

    /** A fourth-order Butterworth high-pass at {@code hz}: two sections. */
    public static List<Biquad> butterworthHighPass(double hz, int sampleRate) {
        return List.of(highPass(hz, BUTTERWORTH_Q[0], sampleRate), highPass(hz, BUTTERWORTH_Q[1], sampleRate));
    }

    /** Magnitude of the frequency response at {@code hz}. */
    public double gainAt(double hz, int sampleRate) {
        double w = 2 * Math.PI * hz / sampleRate;
        double c1 = Math.cos(w), s1 = Math.sin(w), c2 = Math.cos(2 * w), s2 = Math.sin(2 * w);
        double numRe = b0 + b1 * c1 + b2 * c2, numIm = -(b1 * s1 + b2 * s2);
        double denRe = 1 + a1 * c1 + a2 * c2, denIm = -(a1 * s1 + a2 * s2);
        return Math.sqrt((numRe * numRe + numIm * numIm) / (denRe * denRe + denIm * denIm));
    }

    /** Filters {@code x} in place. */
    public void filter(float[] x) {
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (int i = 0; i < x.length; i++) {
            double in = x[i];
            double out = b0 * in + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = in;
            y2 = y1;
            y1 = out;
            x[i] = (float) out;
        }
    }

    private static double omega(double hz, int sampleRate) {
        if (!(hz > 0 && hz < sampleRate / 2.0)) {
            throw new IllegalArgumentException("invalid filter frequency " + hz + " Hz at " + sampleRate + " Hz");
        }
        return 2 * Math.PI * hz / sampleRate;
    }

    private static Biquad normalised(double b0, double b1, double b2, double a0, double a1, double a2) {
        return new Biquad(b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0);
    }
}
