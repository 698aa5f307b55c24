package org.babble.core.frozen;

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
        for (TcResnetWeights.Stage stage : stages) {
            widest = Math.max(widest, stage.kernel() * stage.in());
        }
        live = new int[widest];
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
            convolve(stage, input, inputOffset, length, activations[i]);
            input = activations[i];
            inputOffset = 0;
            length = stage.outFrames(length);
        }
        return output(poolOverTime(input, length));
    }

    /** One stage, batch norm folded in, then ReLU. */
    private void convolve(TcResnetWeights.Stage stage, float[] x, int xOffset, int length, float[] y) {
        int in = stage.in();
        int out = stage.out();
        int kernel = stage.kernel();
        int stride = stage.stride();
        int outFrames = stage.outFrames(length);
        int padTop = stage.padTop(length);
        float[] w = stage.weights();
        float[] bias = stage.bias();
        for (int t = 0; t < outFrames; t++) {
            int yBase = t * out;
            System.arraycopy(bias, 0, y, yBase, out);
            int first = t * stride - padTop;
            int from = Math.max(0, first);
            int to = Math.min(length, first + kernel);
            // the frames under the kernel are one contiguous run of inputs, and the weight rows of taps j .. in order
            // are contiguous too, so the whole receptive field is one list: after a ReLU about half its inputs are
            // zero, so gather the others, then take them four per pass over the outputs (y loaded and stored once for
            // four weight rows)
            int xBase = xOffset + from * in;
            int wBase = (from - first) * in * out;
            int span = (to - from) * in;
            int nonzero = 0;
            for (int r = 0; r < span; r++) {
                if (x[xBase + r] != 0f) {
                    live[nonzero++] = r;
                }
            }
            int n = 0;
            for (; n + 3 < nonzero; n += 4) {
                float v0 = x[xBase + live[n]];
                float v1 = x[xBase + live[n + 1]];
                float v2 = x[xBase + live[n + 2]];
                float v3 = x[xBase + live[n + 3]];
                int w0 = wBase + live[n] * out;
                int w1 = wBase + live[n + 1] * out;
                int w2 = wBase + live[n + 2] * out;
                int w3 = wBase + live[n + 3] * out;
                for (int o = 0; o < out; o++) {
                    y[yBase + o] += v0 * w[w0 + o] + v1 * w[w1 + o] + v2 * w[w2 + o] + v3 * w[w3 + o];
                }
            }
            for (; n < nonzero; n++) {
                float v = x[xBase + live[n]];
                int wRow = wBase + live[n] * out;
                for (int o = 0; o < out; o++) {
                    y[yBase + o] += v * w[wRow + o];
                }
            }
            for (int o = 0; o < out; o++) {
                if (!(y[yBase + o] > 0f)) {
                    y[yBase + o] = 0f;
                }
            }
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
