package org.babble.core.model;

import org.babble.core.features.FeatureLayout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Turns feature matrices into the array a network of a given {@link FeatureLayout} expects, and names its input type. */
public final class BatchLayout {
    private BatchLayout() {
    }

    public static InputType inputType(FeatureLayout layout, ModelShape shape) {
        return switch (layout) {
            case IMAGE -> InputType.convolutional(shape.frames(), shape.bins(), 1);
            case CHANNELS -> InputType.convolutional(shape.frames(), 1, shape.bins());
            case FLAT -> InputType.feedForward((long) shape.frames() * shape.bins());
        };
    }

    /** The array shape of {@code n} clips in {@code layout}. */
    public static long[] shape(FeatureLayout layout, long n, int frames, int bins) {
        return switch (layout) {
            case IMAGE -> new long[] {n, 1, frames, bins};
            case CHANNELS -> new long[] {n, bins, frames, 1};
            case FLAT -> new long[] {n, (long) frames * bins};
        };
    }

    /** Clips as {@code [clip][frame][bin]}, laid out for the network; an empty batch gives an empty array. */
    public static INDArray arrange(float[][][] clips, FeatureLayout layout) {
        int n = clips.length;
        int frames = n == 0 ? 0 : clips[0].length;
        int bins = frames == 0 ? 0 : clips[0][0].length;
        float[] data = new float[n * frames * bins];
        int i = 0;
        for (float[][] clip : clips) {
            if (clip.length != frames || (frames > 0 && clip[0].length != bins)) {
                throw new IllegalArgumentException("clips differ in shape: " + clip.length + "x" + clip[0].length
                        + " vs " + frames + "x" + bins);
            }
            if (layout == FeatureLayout.CHANNELS) {
                for (int b = 0; b < bins; b++) {
                    for (float[] frame : clip) {
                        data[i++] = frame[b];
                    }
                }
            } else {
                for (float[] frame : clip) {
                    System.arraycopy(frame, 0, data, i, bins);
                    i += bins;
                }
            }
        }
        return Nd4j.create(data, shape(layout, n, frames, bins), 'c');
    }
}
