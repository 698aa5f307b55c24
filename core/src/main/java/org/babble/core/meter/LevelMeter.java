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
        for (int i = from; i < to; i++) {
            double s = samples[i];
            double magnitude = Math.abs(s);
            if (magnitude > peak) {
                peak = magnitude;
            }
            sumOfSquares += s * s;
        }
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
