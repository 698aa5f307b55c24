package org.babble.core.meter;

import org.babble.core.audio.Levels;

/**
 * Accumulates peak and RMS over blocks of samples (all channels together), so a recorder can show a live level and a
 * labeller can show a clip's loudness without holding more than one block.
 */
public final class LevelMeter {
    private double peak;
    private double sumOfSquares;
    private long count;

    /** The level of whole signals at once. */
    public static Level measure(float[]... channels) {
        LevelMeter meter = new LevelMeter();
        for (float[] channel : channels) {
            meter.add(channel, 0, channel.length);
        }
        return meter.level();
    }

    public void add(float[] samples, int from, int to) {
        // two running sums and peaks: one sum waits on the previous add every sample (the monitor measures every
        // window it scores, so this runs over each second of a night twice)
        double sum0 = 0;
        double sum1 = 0;
        float peak0 = 0;
        float peak1 = 0;
        int i = from;
        for (; i + 1 < to; i += 2) {
            float a = samples[i];
            float b = samples[i + 1];
            sum0 += (double) a * a;
            sum1 += (double) b * b;
            peak0 = Math.abs(a) > peak0 ? Math.abs(a) : peak0; // not Math.max: a NaN sample leaves the peak alone
            peak1 = Math.abs(b) > peak1 ? Math.abs(b) : peak1;
        }
        if (i < to) {
            float a = samples[i];
            sum0 += (double) a * a;
            peak0 = Math.abs(a) > peak0 ? Math.abs(a) : peak0;
        }
        sumOfSquares += sum0 + sum1;
        peak = Math.max(peak, Math.max(peak0, peak1));
        count += Math.max(0, to - from);
    }

    /** Adds the first {@code frames} samples of every channel. */
    public void add(float[][] channels, int frames) {
        for (float[] channel : channels) {
            add(channel, 0, frames);
        }
    }

    /** The level of everything added since the last {@link #reset()}; silence when nothing was added. */
    public Level level() {
        double rms = count == 0 ? 0 : Math.sqrt(sumOfSquares / count);
        return new Level(Levels.toDb(peak), Levels.toDb(rms));
    }

    public void reset() {
        peak = 0;
        sumOfSquares = 0;
        count = 0;
    }
}
