package org.babble.dataset.augment;

/**
 * Adds a background clip under a foreground at a chosen signal-to-noise ratio: the background is scaled so that the
 * foreground's mean power over the whole clip is {@code snrDb} above the background's. Audio adds sample by sample;
 * mel-band magnitudes add in power, as independent sounds do. The background starts at {@code offset} and wraps
 * around, so one background recording gives many different underlays.
 *
 * @param offset where in the background the foreground's first sample (or frame) falls
 * @param snrDb  foreground power over background power, in decibels
 */
public record Mix(int offset, double snrDb) {
    /** Backgrounds quieter than this (digital silence) are not scaled up into noise. */
    private static final double SILENT_POWER = 1e-12;

    /** Mean square of the samples. */
    public static double power(float[] samples) {
        double sum = 0;
        for (float s : samples) {
            sum += (double) s * s;
        }
        return samples.length == 0 ? 0 : sum / samples.length;
    }

    /** Mean square of the band magnitudes over frames and bands. */
    public static double power(float[][] bands) {
        double sum = 0;
        long n = 0;
        for (float[] frame : bands) {
            for (float m : frame) {
                sum += (double) m * m;
            }
            n += frame.length;
        }
        return n == 0 ? 0 : sum / n;
    }

    /** The amplitude factor that puts a background of {@code backgroundPower} {@code snrDb} below the foreground. */
    double scale(double foregroundPower, double backgroundPower) {
        if (backgroundPower < SILENT_POWER || foregroundPower < SILENT_POWER) {
            return 0;
        }
        return Math.sqrt(foregroundPower / (backgroundPower * Math.pow(10, snrDb / 10)));
    }

    /** Adds {@code background} to {@code out} in place, scaled against a foreground of {@code foregroundPower}. */
    void add(float[] out, double foregroundPower, float[] background) {
        float k = (float) scale(foregroundPower, power(background));
        if (k == 0 || background.length == 0) {
            return;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] += k * background[Math.floorMod(offset + i, background.length)];
        }
    }

    /** Adds {@code background}'s bands to {@code out}'s in power, in place. */
    void add(float[][] out, double foregroundPower, float[][] background) {
        double k = scale(foregroundPower, power(background));
        if (k == 0 || background.length == 0) {
            return;
        }
        for (int f = 0; f < out.length; f++) {
            float[] row = out[f];
            float[] under = background[Math.floorMod(offset + f, background.length)];
            for (int b = 0; b < row.length; b++) {
                double v = k * under[b];
                row[b] = (float) Math.sqrt((double) row[b] * row[b] + v * v);
            }
        }
    }
}
