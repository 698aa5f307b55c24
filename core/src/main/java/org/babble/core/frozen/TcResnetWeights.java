package org.babble.core.frozen;

import java.util.List;
import org.babble.core.model.layers.TemporalWindow;

/**
 * The weights of a temporal-convolution network in plain arrays, batch norm already folded into each convolution, so
 * that {@link TcResnetForwardPass} can run it without DL4J or ND4J. Arrays are owned by this record; do not modify.
 *
 * @param bins input channels (feature bins per frame)
 * @param stages convolution → (folded batch norm) → ReLU stages, in order
 * @param pooling how the last stage's frames become one vector
 * @param labels output size
 * @param dense output weights {@code [in][labels]}
 * @param denseBias output bias {@code [labels]}
 */
public record TcResnetWeights(
        int bins, List<Stage> stages, Pooling pooling, int labels, float[] dense, float[] denseBias) {
    /** The global pool over time: the mean of each channel (earlier models) or its maximum (the default since). */
    public enum Pooling {
        AVERAGE,
        MAX
    }

    /**
     * One stage: {@code y[t][o] = relu(bias[o] + sum over j, c of x[t*stride + j - padTop][c] * weights[j][c][o])} with
     * DL4J's "Same" padding (zeros outside the input).
     */
    public record Stage(int kernel, int stride, int in, int out, float[] weights, float[] bias) {
        public Stage {
            if (kernel < 1 || stride < 1 || in < 1 || out < 1) {
                throw new IllegalArgumentException(
                        "invalid stage: kernel " + kernel + ", stride " + stride + ", in " + in + ", out " + out);
            }
            if (weights.length != (long) kernel * in * out || bias.length != out) {
                throw new IllegalArgumentException("invalid stage: " + weights.length + " weights and " + bias.length
                        + " biases for kernel " + kernel + ", " + in + " in, " + out + " out");
            }
        }

        /** Output frames for {@code frames} input frames: DL4J's "Same" mode, {@code ceil(frames / stride)}. */
        public int outFrames(int frames) {
            return new TemporalWindow(kernel, stride, frames).outFrames();
        }

        /** Zero frames before the input: half the total "Same" padding, rounded down, as DL4J does. */
        public int padTop(int frames) {
            return new TemporalWindow(kernel, stride, frames).padBefore();
        }
    }

    public TcResnetWeights {
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("invalid network: no stages");
        }
        int channels = bins;
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).in() != channels) {
                throw new IllegalArgumentException("invalid network: stage " + i + " takes "
                        + stages.get(i).in() + " channels but gets " + channels);
            }
            channels = stages.get(i).out();
        }
        if (labels < 1 || dense.length != (long) channels * labels || denseBias.length != labels) {
            throw new IllegalArgumentException("invalid network: output has " + dense.length + " weights and "
                    + denseBias.length + " biases for " + channels + " inputs and " + labels + " labels");
        }
    }

    /** Channels reaching the output layer. */
    public int pooledChannels() {
        return stages.get(stages.size() - 1).out();
    }
}
