package org.babble.core.model.layers;

import java.util.Arrays;

/**
 * The element-wise passes of {@link BatchNormRelu} over activations laid out {@code [batch][channel][position]}, with
 * per-channel statistics given. Every value is rounded where DL4J's chain of ND4J ops rounds it (one float operation
 * at a time, never fused) and every per-channel sum adds in ND4J's order (batch, then position), so the results are
 * DL4J's bit for bit, in one pass forward and two backward instead of one per op.
 */
final class NormalizedRelu {
    private NormalizedRelu() {}

    /**
     * {@code output = relu(((input - mean) / std) * gamma + beta)}, where ReLU maps values below zero to zero and keeps
     * the rest (negative zero and NaN included) as ND4J's does; {@code centered}, when given, receives
     * {@code input - mean} for the backward pass.
     */
    static void forward(
            float[] input,
            Shape shape,
            float[] mean,
            float[] std,
            float[] gamma,
            float[] beta,
            float[] centered,
            float[] output) {
        int positions = shape.positions();
        for (int b = 0; b < shape.batch(); b++) {
            for (int c = 0; c < shape.channels(); c++) {
                int from = (b * shape.channels() + c) * positions;
                float m = mean[c];
                float s = std[c];
                float g = gamma[c];
                float shift = beta[c];
                for (int i = from; i < from + positions; i++) {
                    float xMu = input[i] - m;
                    if (centered != null) {
                        centered[i] = xMu;
                    }
                    output[i] = Relu.apply(xMu / s * g + shift);
                }
            }
        }
    }

    /**
     * Replaces {@code gradient}, the loss gradient of the output, by that of the input, and sets the gradients of gamma
     * and beta; {@code output} and {@code centered} are the training forward pass's. With {@code e} the gradient
     * through the ReLU (zero where the output is not positive), {@code n} values per channel and
     * {@code dxHat = e * gamma}:
     * {@code dVar = sum(dxHat * centered) * -0.5 * std^-3},
     * {@code dMean = -(sum(dxHat) / std) + sum(centered) * (-2 / n) * dVar} and
     * {@code dInput = dxHat / std + centered * (dVar * (2 / n)) + dMean * (1 / n)}.
     */
    static void backward(
            float[] gradient,
            float[] output,
            float[] centered,
            Shape shape,
            float[] std,
            float[] stdPowMinus3,
            float[] gamma,
            float[] gammaGradient,
            float[] betaGradient) {
        int channels = shape.channels();
        int positions = shape.positions();
        float[] sumDxHat = new float[channels];
        float[] sumDxHatCentered = new float[channels];
        float[] sumCentered = new float[channels];
        Arrays.fill(gammaGradient, 0, channels, 0f);
        Arrays.fill(betaGradient, 0, channels, 0f);
        for (int b = 0; b < shape.batch(); b++) {
            for (int c = 0; c < channels; c++) {
                int from = (b * channels + c) * positions;
                float s = std[c];
                float g = gamma[c];
                float beta = betaGradient[c];
                float gam = gammaGradient[c];
                float dx = sumDxHat[c];
                float dxCentered = sumDxHatCentered[c];
                float cent = sumCentered[c];
                for (int i = from; i < from + positions; i++) {
                    float e = Relu.gate(output[i], gradient[i]);
                    float xMu = centered[i];
                    float dxHat = e * g;
                    beta += e;
                    gam += e * (xMu / s);
                    dx += dxHat;
                    dxCentered += dxHat * xMu;
                    cent += xMu;
                }
                betaGradient[c] = beta;
                gammaGradient[c] = gam;
                sumDxHat[c] = dx;
                sumDxHatCentered[c] = dxCentered;
                sumCentered[c] = cent;
            }
        }
        long n = (long) shape.batch() * positions;
        float[] perCentered = new float[channels];
        float[] offset = new float[channels];
        for (int c = 0; c < channels; c++) {
            float dVar = sumDxHatCentered[c] * -0.5f * stdPowMinus3[c];
            float dMean = -(sumDxHat[c] / std[c]) + sumCentered[c] * (float) (-2.0 / n) * dVar;
            perCentered[c] = dVar * (float) (2.0 / n);
            offset[c] = dMean * (float) (1.0 / n);
        }
        for (int b = 0; b < shape.batch(); b++) {
            for (int c = 0; c < channels; c++) {
                int from = (b * channels + c) * positions;
                float s = std[c];
                float g = gamma[c];
                float k = perCentered[c];
                float m = offset[c];
                for (int i = from; i < from + positions; i++) {
                    float e = Relu.gate(output[i], gradient[i]);
                    gradient[i] = e * g / s + centered[i] * k + m;
                }
            }
        }
    }

    /** Sizes of a {@code [batch][channel][position]} layout. */
    record Shape(int batch, int channels, int positions) {
        int size() {
            return Math.multiplyExact(Math.multiplyExact(batch, channels), positions);
        }
    }
}
