package org.babble.core.frozen;

import java.util.Arrays;
import java.util.List;

/**
 * Runs a {@link TcResnetWeights} network on one clip in plain Java: for a network of a few million multiply-adds
 * this takes well under a millisecond, where DL4J spends most of its time on op dispatch and layout changes, and it
 * needs no native library at all, which keeps a cold {@code babble classify} short. Activations are time-major with
 * the channels of a frame contiguous, so every convolution is a sum of small {@code [frames × in] · [in × out]}
 * products whose inner loop runs over contiguous output channels (the JIT vectorises it).
 *
 * <p>Not thread-safe: it reuses its scratch buffers. One per thread (or serialise calls).
 */
public final class TcResnetForwardPass {
    private final TcResnetWeights weights;
    private final int frames;
    private final float[][] activations;
    private final float[] pooled;
    private final int[] live;
    /** Each stage's weights as one array per row (tap × input channel), of its output channels. */
    private final float[][][] rows;
    /** One output frame's sums before the ReLU. */
    private final float[] accumulator;

    /** A runner for clips of {@code frames} feature frames of {@code weights.bins()} bins. */
    public TcResnetForwardPass(TcResnetWeights weights, int frames) {
        if (frames < 1) {
            throw new IllegalArgumentException("frames must be positive, got " + frames);
        }
        this.weights = weights;
        this.frames = frames;
        List<TcResnetWeights.Stage> stages = weights.stages();
        activations = new float[stages.size()][];
        int length = frames;
        for (int i = 0; i < stages.size(); i++) {
            length = stages.get(i).outFrames(length);
            activations[i] = new float[length * stages.get(i).out()];
        }
        pooled = new float[weights.pooledChannels()];
        int widest = 0;
        int channels = 0;
        rows = new float[stages.size()][][];
        for (int i = 0; i < stages.size(); i++) {
            TcResnetWeights.Stage stage = stages.get(i);
            widest = Math.max(widest, stage.kernel() * stage.in());
            channels = Math.max(channels, stage.out());
            rows[i] = new float[stage.kernel() * stage.in()][];
            for (int r = 0; r < rows[i].length; r++) {
                rows[i][r] = Arrays.copyOfRange(stage.weights(), r * stage.out(), (r + 1) * stage.out());
            }
        }
        live = new int[widest];
        accumulator = new float[channels];
    }

    /** The network this runs. */
    public TcResnetWeights weights() {
        return weights;
    }

    /** Softmax scores of the clip whose features lie frames-first ({@code [frame][bin]}) from {@code offset}. */
    public float[] scores(float[] features, int offset) {
        if (features.length - (long) offset < (long) frames * weights.bins()) {
            throw new IllegalArgumentException("a clip needs " + frames * weights.bins()
                    + " feature values from offset " + offset + ", got " + (features.length - offset));
        }
        float[] input = features;
        int inputOffset = offset;
        int length = frames;
        List<TcResnetWeights.Stage> stages = weights.stages();
        for (int i = 0; i < stages.size(); i++) {
            TcResnetWeights.Stage stage = stages.get(i);
            convolve(i, stage, input, inputOffset, length, activations[i]);
            input = activations[i];
            inputOffset = 0;
            length = stage.outFrames(length);
        }
        return output(poolOverTime(input, length));
    }

    /** One stage, batch norm folded in, then ReLU. */
    private void convolve(int index, TcResnetWeights.Stage stage, float[] x, int xOffset, int length, float[] y) {
        int in = stage.in();
        int out = stage.out();
        int kernel = stage.kernel();
        int stride = stage.stride();
        int outFrames = stage.outFrames(length);
        int padTop = stage.padTop(length);
        float[][] w = rows[index];
        float[] bias = stage.bias();
        float[] sum = accumulator;
        for (int t = 0; t < outFrames; t++) {
            System.arraycopy(bias, 0, sum, 0, out);
            int first = t * stride - padTop;
            int from = Math.max(0, first);
            int to = Math.min(length, first + kernel);
            // the frames under the kernel are one contiguous run of inputs, and the weight rows of taps j .. in order
            // follow them, so the whole receptive field is one list: after a ReLU about half its inputs are zero, so
            // gather the others, then add four weight rows per pass over the outputs
            int xBase = xOffset + from * in;
            int rowBase = (from - first) * in;
            int span = (to - from) * in;
            int nonzero = 0;
            for (int r = 0; r < span; r++) {
                if (x[xBase + r] != 0f) {
                    live[nonzero++] = r;
                }
            }
            int n = 0;
            for (; n + 3 < nonzero; n += 4) {
                int r0 = live[n];
                int r1 = live[n + 1];
                int r2 = live[n + 2];
                int r3 = live[n + 3];
                addFour(
                        sum,
                        w[rowBase + r0],
                        w[rowBase + r1],
                        w[rowBase + r2],
                        w[rowBase + r3],
                        x[xBase + r0],
                        x[xBase + r1],
                        x[xBase + r2],
                        x[xBase + r3],
                        out);
            }
            for (; n < nonzero; n++) {
                addOne(sum, w[rowBase + live[n]], x[xBase + live[n]], out);
            }
            int yBase = t * out;
            for (int o = 0; o < out; o++) {
                float v = sum[o];
                y[yBase + o] = v > 0f ? v : 0f;
            }
        }
    }

    /**
     * {@code sum += a·p + b·q + c·u + d·v} over {@code n} outputs. Every array starts at index 0 and is its own object
     * on purpose: HotSpot's C2 (JDK 17) vectorises this loop only then; with rows of one flat array at different
     * offsets it runs scalar, about four times slower (measured).
     */
    private static void addFour(
            float[] sum, float[] p, float[] q, float[] u, float[] v, float a, float b, float c, float d, int n) {
        for (int o = 0; o < n; o++) {
            sum[o] += a * p[o] + b * q[o] + c * u[o] + d * v[o];
        }
    }

    /** {@code sum += a·p} over {@code n} outputs. */
    private static void addOne(float[] sum, float[] p, float a, int n) {
        for (int o = 0; o < n; o++) {
            sum[o] += a * p[o];
        }
    }

    private float[] poolOverTime(float[] x, int length) {
        int channels = pooled.length;
        boolean max = weights.pooling() == TcResnetWeights.Pooling.MAX;
        System.arraycopy(x, 0, pooled, 0, channels);
        for (int t = 1; t < length; t++) {
            int base = t * channels;
            for (int c = 0; c < channels; c++) {
                pooled[c] = max ? Math.max(pooled[c], x[base + c]) : pooled[c] + x[base + c];
            }
        }
        if (!max) {
            for (int c = 0; c < channels; c++) {
                pooled[c] /= length;
            }
        }
        return pooled;
    }

    private float[] output(float[] x) {
        int labels = weights.labels();
        float[] w = weights.dense();
        double[] z = new double[labels];
        for (int l = 0; l < labels; l++) {
            z[l] = weights.denseBias()[l];
        }
        for (int c = 0; c < x.length; c++) {
            float v = x[c];
            int row = c * labels;
            for (int l = 0; l < labels; l++) {
                z[l] += v * w[row + l];
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double value : z) {
            max = Math.max(max, value);
        }
        double sum = 0;
        for (int l = 0; l < labels; l++) {
            z[l] = Math.exp(z[l] - max);
            sum += z[l];
        }
        float[] scores = new float[labels];
        for (int l = 0; l < labels; l++) {
            scores[l] = (float) (z[l] / sum);
        }
        return scores;
    }
}
