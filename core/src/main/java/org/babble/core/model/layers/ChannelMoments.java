package org.babble.core.model.layers;

import java.util.Arrays;

/**
 * Per-channel mean and (biased) variance of activations laid out {@code [batch][channel][position]}, rounded as ND4J's
 * CPU reductions round them, so that a batch norm computed from these matches DL4J's bit for bit. ND4J reduces each
 * channel in one thread, in memory order (batch, then position): the mean as a float sum divided by the count, the
 * variance with the pairwise-update ("parallel") algorithm in double precision, one value at a time, rounded to float
 * at the end. Measured against ND4J 1.0.0-M2.1 (ChannelMomentsTest); Java's strict float and double arithmetic then
 * reproduces every rounding.
 */
final class ChannelMoments {
    /** Channels whose variance chains run side by side, so the CPU overlaps their divisions. */
    private static final int LANES = 4;

    private ChannelMoments() {}

    /** Sets {@code mean[c]} to the mean of channel {@code c}, for every channel. */
    static void mean(float[] values, int batch, int channels, int positions, float[] mean) {
        Arrays.fill(mean, 0, channels, 0f);
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < channels; c++) {
                int from = (b * channels + c) * positions;
                float sum = mean[c];
                for (int p = 0; p < positions; p++) {
                    sum += values[from + p];
                }
                mean[c] = sum;
            }
        }
        float count = (float) (batch * positions);
        for (int c = 0; c < channels; c++) {
            mean[c] /= count;
        }
    }

    /**
     * Sets {@code variance[c]} to the biased variance of channel {@code c}: starting from its first value, each next
     * value {@code v} updates the count {@code n}, mean {@code m} and sum of squared deviations {@code s} as
     * {@code d = v - m; m += d / (n + 1); s += d * d * n / (n + 1); n += 1}; the variance is {@code s / n}.
     */
    static void variance(float[] values, int batch, int channels, int positions, float[] variance) {
        int count = batch * positions;
        double[] means = new double[LANES];
        double[] squares = new double[LANES];
        for (int first = 0; first < channels; first += LANES) {
            int lanes = Math.min(LANES, channels - first);
            for (int lane = 0; lane < lanes; lane++) {
                means[lane] = values[(first + lane) * positions];
                squares[lane] = 0;
            }
            double n = 1;
            for (int b = 0; b < batch; b++) {
                int row = (b * channels + first) * positions;
                for (int p = b == 0 ? 1 : 0; p < positions; p++) {
                    double next = n + 1;
                    for (int lane = 0; lane < lanes; lane++) {
                        double delta = values[row + lane * positions + p] - means[lane];
                        means[lane] += delta / next;
                        squares[lane] += delta * delta * n / next;
                    }
                    n = next;
                }
            }
            for (int lane = 0; lane < lanes; lane++) {
                variance[first + lane] = count <= 1 ? 0f : (float) (squares[lane] / count);
            }
        }
    }
}
