package org.babble.core.levels;

/**
 * One column of the {@code sox stats} report: a channel's figures, or the overall ones across channels.
 *
 * @param dcOffset     mean sample value (overall: the channel mean furthest from 0)
 * @param minLevel     most negative sample
 * @param maxLevel     most positive sample
 * @param peakDb       largest absolute sample in dBFS
 * @param rmsDb        RMS over the whole clip in dBFS
 * @param rmsPeakDb    highest short-term RMS (exponential average, time constant {@link LevelStats#windowSeconds()})
 * @param rmsTroughDb  lowest short-term RMS
 * @param crestFactor  peak / RMS as a ratio; NaN in the overall column of a multi-channel clip, where sox prints "-"
 * @param flatFactor   dB measure of how long the signal stays at its extremes (0 when peaks are single samples;
 *                     large for clipped or square signals)
 * @param peakCount    how many samples sit at the minimum or maximum (overall: the average per channel)
 * @param bitDepth     bits needed for the samples' range, counted as sox counts them
 * @param bitPrecision bits of precision in use (32 minus trailing zero bits), sox's figure after the slash
 */
public record ChannelLevels(
        double dcOffset,
        double minLevel,
        double maxLevel,
        double peakDb,
        double rmsDb,
        double rmsPeakDb,
        double rmsTroughDb,
        double crestFactor,
        double flatFactor,
        double peakCount,
        int bitDepth,
        int bitPrecision) {}
