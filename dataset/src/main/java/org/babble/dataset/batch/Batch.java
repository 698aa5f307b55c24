package org.babble.dataset.batch;

import org.babble.core.features.FeatureLayout;
import org.babble.core.model.BatchLayout;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A batch of feature matrices {@code [example][frame][bin]} with their label indices, ready to become network input in
 * whichever {@link FeatureLayout} the architecture wants.
 */
public record Batch(float[][][] features, int[] labels, int classCount) {

    public Batch {
        if (features.length != labels.length) {
            throw new IllegalArgumentException(features.length + " feature matrices for " + labels.length + " labels");
        }
    }

    public int size() {
        return labels.length;
    }

    public int frames() {
        return features.length == 0 ? 0 : features[0].length;
    }

    public int bins() {
        return frames() == 0 ? 0 : features[0][0].length;
    }

    /** The features in the given layout: IMAGE {@code [b,1,frames,bins]}, CHANNELS {@code [b,bins,frames,1]}, FLAT. */
    public INDArray input(FeatureLayout layout) {
        return BatchLayout.arrange(features, layout);
    }

    /** One-hot labels {@code [b, classCount]}. */
    public INDArray oneHotLabels() {
        float[] flat = new float[size() * classCount];
        for (int i = 0; i < labels.length; i++) {
            flat[i * classCount + labels[i]] = 1f;
        }
        return Nd4j.create(flat, new long[] {size(), classCount}, 'c');
    }

    public DataSet toDataSet(FeatureLayout layout) {
        return new DataSet(input(layout), oneHotLabels());
    }
}
