package org.babble.core.model;

import java.util.Arrays;
import org.babble.core.features.FeatureLayout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Turns feature matrices into the array a network of a given {@link FeatureLayout} expects, and names its input type. */
public final class BatchLayout {
    private BatchLayout() {}

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
        float[] flat = new float[n * frames * bins];
        int i = 0;
        for (float[][] clip : clips) {
            if (clip.length != frames || (frames > 0 && clip[0].length != bins)) {
                throw new IllegalArgumentException(
                        "clips differ in shape: " + clip.length + "x" + clip[0].length + " vs " + frames + "x" + bins);
            }
            for (float[] frame : clip) {
                System.arraycopy(frame, 0, flat, i, bins);
                i += bins;
            }
        }
        return arrange(flat, n, frames, bins, layout);
    }

    /**
     * {@code clips} clips of row-major {@code [frame][bin]} features, one after another in {@code framesFirst} (as the
     * feature extractors write them), laid out for the network: the one transform training and serving share.
     */
    public static INDArray arrange(float[] framesFirst, int clips, int frames, int bins, FeatureLayout layout) {
        int perClip = frames * bins;
        float[] data;
        if (layout == FeatureLayout.CHANNELS) {
            data = new float[clips * perClip];
            for (int c = 0; c < clips; c++) {
                int base = c * perClip;
                for (int f = 0; f < frames; f++) {
                    for (int k = 0; k < bins; k++) {
                        data[base + k * frames + f] = framesFirst[base + f * bins + k];
                    }
                }
            }
        } else {
            data = framesFirst.length == clips * perClip ? framesFirst : Arrays.copyOf(framesFirst, clips * perClip);
        }
        return Nd4j.create(data, shape(layout, clips, frames, bins), 'c');
    }
}
