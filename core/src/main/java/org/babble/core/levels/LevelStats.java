package org.babble.core.levels;

import java.util.ArrayList;
import java.util.List;
import org.babble.core.audio.AudioClip;

/**
 * The figures of {@code sox FILE -n stats}, computed the way sox computes them, so babble's report can replace the
 * command people paste into forums: per channel and overall.
 *
 * <p>Short-term RMS (RMS Pk/Tr) is sox's exponential average of the squared signal with a 50 ms time constant, tracked
 * only once five time constants have passed (so the start-up ramp is not taken for a trough); clips shorter than that
 * report their whole-clip RMS for both, as sox does.
 *
 * @param channels      one column per channel
 * @param overall       the column sox prints first
 * @param samples       samples per channel (sox's "Num samples")
 * @param sampleRate    Hz
 * @param windowSeconds the short-term RMS time constant (sox's "Window s")
 */
public record LevelStats(
        List<ChannelLevels> channels, ChannelLevels overall, long samples, int sampleRate, double windowSeconds) {

    /** sox's default time constant for RMS Pk/Tr. */
    public static final double DEFAULT_WINDOW_SECONDS = 0.05;

    public LevelStats {
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("channels must not be empty");
        }
    }

    /** The report for {@code clip} with sox's default 50 ms window; the clip must hold at least one sample. */
    public static LevelStats of(AudioClip clip) {
        return of(clip, DEFAULT_WINDOW_SECONDS);
    }

    public static LevelStats of(AudioClip clip, double windowSeconds) {
        if (!(windowSeconds > 0)) {
            throw new IllegalArgumentException("windowSeconds must be positive, got " + windowSeconds);
        }
        if (clip.frames() == 0) {
            throw new IllegalArgumentException("clip has no samples");
        }
        List<ChannelAccumulator> accumulators = new ArrayList<>();
        for (float[] channel : clip.channels()) {
            ChannelAccumulator acc = new ChannelAccumulator(windowSeconds, clip.sampleRate());
            acc.addAll(channel);
            acc.finish();
            accumulators.add(acc);
        }
        List<ChannelLevels> columns =
                accumulators.stream().map(ChannelAccumulator::levels).toList();
        return new LevelStats(
                columns, ChannelAccumulator.overall(accumulators), clip.frames(), clip.sampleRate(), windowSeconds);
    }

    public int channelCount() {
        return channels.size();
    }

    /** Duration in seconds (sox's "Length s"). */
    public double lengthSeconds() {
        return samples / (double) sampleRate;
    }

    /** The level that counts as full scale (sox's "Scale max"): babble always reports at ±1. */
    public double scaleMax() {
        return 1.0;
    }
}
