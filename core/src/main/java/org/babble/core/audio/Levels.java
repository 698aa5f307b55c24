package org.babble.core.audio;

/**
 * Peak, RMS and dBFS of a stretch of samples: cheap enough to run on every block a live level meter draws, with no
 * allocation. Full scale is ±1, so a full-scale square wave reads 0 dBFS and silence reads negative infinity.
 */
public final class Levels {
    private Levels() {}

    /** Largest absolute sample in {@code [from, to)}; 0 for an empty range. */
    public static double peak(float[] samples, int from, int to) {
        checkRange(samples, from, to);
        float peak = 0;
        for (int i = from; i < to; i++) {
            peak = Math.max(peak, Math.abs(samples[i]));
        }
        return peak;
    }

    public static double peak(float[] samples) {
        return peak(samples, 0, samples.length);
    }

    /** Root mean square of {@code [from, to)}; 0 for an empty range. */
    public static double rms(float[] samples, int from, int to) {
        checkRange(samples, from, to);
        if (to == from) {
            return 0;
        }
        double sumSquares = 0;
        for (int i = from; i < to; i++) {
            sumSquares += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sumSquares / (to - from));
    }

    public static double rms(float[] samples) {
        return rms(samples, 0, samples.length);
    }

    /** {@code 20 log10(linear)}: decibels relative to full scale; negative infinity for 0. */
    public static double toDb(double linear) {
        return 20 * Math.log10(linear);
    }

    /** The linear amplitude of {@code db} dBFS (the inverse of {@link #toDb}). */
    public static double fromDb(double db) {
        return Math.pow(10, db / 20);
    }

    /** Peak level in dBFS of {@code [from, to)}. */
    public static double peakDb(float[] samples, int from, int to) {
        return toDb(peak(samples, from, to));
    }

    /** RMS level in dBFS of {@code [from, to)}. */
    public static double rmsDb(float[] samples, int from, int to) {
        return toDb(rms(samples, from, to));
    }

    private static void checkRange(float[] samples, int from, int to) {
        if (from < 0 || to > samples.length || from > to) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") of " + samples.length + " samples");
        }
    }
}
