package org.babble.core.levels;

import java.util.List;
import org.babble.core.audio.Levels;

/**
 * Running sums for one channel, fed sample by sample exactly as sox's {@code stats} effect is, so run lengths at the
 * extremes and the short-term RMS come out the same.
 */
final class ChannelAccumulator {
    private static final double FULL_SCALE = 2147483648.0;

    private final double decay;
    private final long settleSamples;

    private double last;
    private double sum;
    private double sumSquares;
    private double averageSquare;
    private double minAverageSquare = 2;
    private double maxAverageSquare;
    private double min = 2;
    private double max = -2;
    private long minCount;
    private long maxCount;
    private double minRun;
    private double maxRun;
    private double minRuns;
    private double maxRuns;
    private long count;
    private int mask;

    ChannelAccumulator(double windowSeconds, int sampleRate) {
        this.decay = Math.exp(-1 / windowSeconds / sampleRate);
        this.settleSamples = (long) (5 * windowSeconds * sampleRate + .5);
    }

    void addAll(float[] samples) {
        for (float s : samples) {
            add(s);
        }
    }

    void add(double d) {
        if (d < min) {
            min = d;
            minCount = 1;
            minRun = 1;
            minRuns = 0;
        } else if (d == min) {
            minCount++;
            minRun = d == last ? minRun + 1 : 1;
        } else if (last == min) {
            minRuns += minRun * minRun;
        }
        if (d > max) {
            max = d;
            maxCount = 1;
            maxRun = 1;
            maxRuns = 0;
        } else if (d == max) {
            maxCount++;
            maxRun = d == last ? maxRun + 1 : 1;
        } else if (last == max) {
            maxRuns += maxRun * maxRun;
        }
        sum += d;
        sumSquares += d * d;
        averageSquare = averageSquare * decay + (1 - decay) * d * d;
        if (count >= settleSamples) {
            maxAverageSquare = Math.max(maxAverageSquare, averageSquare);
            minAverageSquare = Math.min(minAverageSquare, averageSquare);
        }
        last = d;
        mask |= toFixedPoint(d);
        count++;
    }

    /** Closes the run in progress; call once after the last sample. */
    void finish() {
        if (last == min) {
            minRuns += minRun * minRun;
        }
        if (last == max) {
            maxRuns += maxRun * maxRun;
        }
        if (count < settleSamples) {
            minAverageSquare = maxAverageSquare = sumSquares / count;
        }
    }

    ChannelLevels levels() {
        double peak = Math.max(-min, max);
        double rms = Math.sqrt(sumSquares / count);
        return new ChannelLevels(
                sum / count,
                min,
                max,
                Levels.toDb(peak),
                Levels.toDb(rms),
                Levels.toDb(Math.sqrt(maxAverageSquare)),
                Levels.toDb(Math.sqrt(minAverageSquare)),
                sumSquares != 0 ? peak / rms : 1,
                flatFactor(minRuns + maxRuns, minCount + maxCount),
                minCount + maxCount,
                bitDepth(mask, min, max),
                bitPrecision(mask));
    }

    /** The overall column: extremes and sums across channels, as sox combines them. */
    static ChannelLevels overall(List<ChannelAccumulator> channels) {
        double min = 2;
        double max = -2;
        double minAverageSquare = 2;
        double maxAverageSquare = 0;
        double sumSquares = 0;
        double furthestSum = 0;
        double runs = 0;
        long extremes = 0;
        long count = 0;
        int mask = 0;
        double peakSum = 0;
        for (ChannelAccumulator c : channels) {
            min = Math.min(min, c.min);
            max = Math.max(max, c.max);
            minAverageSquare = Math.min(minAverageSquare, c.minAverageSquare);
            maxAverageSquare = Math.max(maxAverageSquare, c.maxAverageSquare);
            sumSquares += c.sumSquares;
            if (Math.abs(c.sum) > Math.abs(furthestSum)) {
                furthestSum = c.sum;
            }
            runs += c.minRuns + c.maxRuns;
            extremes += c.minCount + c.maxCount;
            count += c.count;
            mask |= c.mask;
            peakSum += Math.max(-c.min, c.max);
        }
        int n = channels.size();
        double rms = Math.sqrt(sumSquares / count);
        double crest = n > 1 ? Double.NaN : sumSquares != 0 ? peakSum / n / rms : 1;
        return new ChannelLevels(
                furthestSum / channels.get(0).count,
                min,
                max,
                Levels.toDb(Math.max(-min, max)),
                Levels.toDb(rms),
                Levels.toDb(Math.sqrt(maxAverageSquare)),
                Levels.toDb(Math.sqrt(minAverageSquare)),
                crest,
                flatFactor(runs, extremes),
                extremes / (double) n,
                bitDepth(mask, min, max),
                bitPrecision(mask));
    }

    private static double flatFactor(double runs, long extremes) {
        return Levels.toDb(runs / extremes);
    }

    /** 32 minus the trailing zero bits of every sample's 32-bit fixed-point value ORed together. */
    private static int bitPrecision(int mask) {
        return mask == 0 ? 0 : 32 - Integer.numberOfTrailingZeros(mask);
    }

    /** The precision, less the leading bits that the largest magnitude leaves unused. */
    private static int bitDepth(int mask, double min, double max) {
        int result = bitPrecision(mask);
        int bits = toFixedPoint(-Math.max(Math.abs(min), Math.abs(max))) << 1;
        while (result > 0 && bits < 0) {
            result--;
            bits <<= 1;
        }
        return result;
    }

    /** A ±1 sample as sox's 32-bit fixed point: rounded half away from zero, clamped. */
    static int toFixedPoint(double d) {
        double x = d * FULL_SCALE;
        if (x < 0) {
            return x <= Integer.MIN_VALUE - 0.5 ? Integer.MIN_VALUE : (int) (x - .5);
        }
        return x >= Integer.MAX_VALUE + 0.5 ? Integer.MAX_VALUE : (int) (x + .5);
    }
}
