package org.babble.core.model.layers;

/**
 * The per-channel arithmetic of a DL4J-style batch norm that keeps running statistics as a mean and a log10 standard
 * deviation, one float operation per step in DL4J's order (scalars rounded to float first, as ND4J does), so that the
 * results match DL4J's bit for bit. The running values are not set directly: like DL4J, this gives the "gradient"
 * {@code old - new} that the network's step (with a no-op updater) subtracts from them.
 */
final class RunningStatistics {
    /** {@code 1 / (2 ln 10)}, turning a natural log of a variance ratio into a log10 standard deviation step. */
    private static final double HALF_LOG10_E = 1.0 / (2 * Math.log(10.0));

    private RunningStatistics() {}

    /** Standard deviations for a batch's own (biased) variances: {@code sqrt(variance + eps)}. */
    static float[] batchDeviation(float[] variance, double eps) {
        float[] std = new float[variance.length];
        float epsilon = (float) eps;
        for (int c = 0; c < std.length; c++) {
            std[c] = (float) Math.sqrt(variance[c] + epsilon);
        }
        return std;
    }

    /** Standard deviations for inference: {@code sqrt((10^log10std)^2 + eps)}. */
    static float[] runningDeviation(float[] log10Std, double eps) {
        float[] std = Nd4jFloatMath.pow(10f, log10Std);
        float epsilon = (float) eps;
        for (int c = 0; c < std.length; c++) {
            float variance = std[c] * std[c];
            std[c] = (float) Math.sqrt(variance + epsilon);
        }
        return std;
    }

    /** How far the running mean moves towards the batch's: {@code (running - batch) * (1 - decay)}. */
    static float[] meanStep(float[] running, float[] batch, double decay) {
        float rate = (float) (1 - decay);
        float[] step = new float[running.length];
        for (int c = 0; c < step.length; c++) {
            step[c] = (running[c] - batch[c]) * rate;
        }
        return step;
    }

    /**
     * How far the running log10 standard deviation moves: with {@code v} the running variance
     * {@code (10^log10std)^2} and {@code v' = v * decay + batchVariance * (1 - decay)}, the step is
     * {@code ln(v / v') / (2 ln 10)}, which is {@code log10std - log10(sqrt(v'))}.
     */
    static float[] log10StdStep(float[] log10Std, float[] batchVariance, double decay) {
        float keep = (float) decay;
        float rate = (float) (1 - decay);
        float[] ratio = Nd4jFloatMath.pow(10f, log10Std);
        for (int c = 0; c < ratio.length; c++) {
            float running = ratio[c] * ratio[c];
            float next = running * keep + batchVariance[c] * rate;
            ratio[c] = running / next;
        }
        float[] step = Nd4jFloatMath.log(ratio);
        float scale = (float) HALF_LOG10_E;
        for (int c = 0; c < step.length; c++) {
            step[c] *= scale;
        }
        return step;
    }
}
