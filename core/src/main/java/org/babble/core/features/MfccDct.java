package org.babble.core.features;

/**
 * TensorFlow's {@code MfccDct}: a DCT-II with every coefficient scaled by {@code sqrt(2 / N)} (coefficient 0 included,
 * so it is not the orthonormal DCT), keeping the first {@code coefficientCount} coefficients.
 */
final class MfccDct {
    private final int inputLength;
    private final int coefficientCount;
    /** Transposed basis, {@code [input j][coefficient i]}, so the inner loop is a vectorisable multiply-add. */
    private final double[][] basisByInput;

    MfccDct(int inputLength, int coefficientCount) {
        if (coefficientCount < 1 || coefficientCount > inputLength) {
            throw new IllegalArgumentException(
                    "DCT needs 1.." + inputLength + " coefficients, got " + coefficientCount);
        }
        this.inputLength = inputLength;
        this.coefficientCount = coefficientCount;
        this.basisByInput = new double[inputLength][coefficientCount];
        double norm = Math.sqrt(2.0 / inputLength);
        double arg = Math.PI / inputLength;
        for (int j = 0; j < inputLength; j++) {
            for (int i = 0; i < coefficientCount; i++) {
                basisByInput[j][i] = norm * Math.cos(i * arg * (j + 0.5));
            }
        }
    }

    /** Coefficients of {@code input[0 .. inputLength - 1]} into {@code out[0 .. coefficientCount - 1]}. */
    void apply(double[] input, double[] out) {
        java.util.Arrays.fill(out, 0, coefficientCount, 0.0);
        for (int j = 0; j < inputLength; j++) {
            double x = input[j];
            double[] basis = basisByInput[j];
            for (int i = 0; i < coefficientCount; i++) {
                out[i] += basis[i] * x;
            }
        }
    }
}
