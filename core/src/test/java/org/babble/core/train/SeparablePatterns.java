package org.babble.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.babble.core.features.FeatureLayout;
import org.babble.core.model.BatchLayout;
import org.babble.core.model.ModelShape;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Synthetic features a network can learn: class {@code c} is noise plus a burst of energy in its own band of bins,
 * starting at a random frame. Batches depend only on the seed and the step, as {@link TrainingData} requires.
 */
final class SeparablePatterns implements TrainingData {
    private final ModelShape shape;
    private final FeatureLayout layout;
    private final long seed;
    private final List<DataSet> validation;
    private final List<DataSet> testing;

    SeparablePatterns(ModelShape shape, FeatureLayout layout, long seed) {
        this.shape = shape;
        this.layout = layout;
        this.seed = seed;
        this.validation = List.of(batch(new Random(seed ^ 0x5A5A), 60), batch(new Random(seed ^ 0x5A5B), 60));
        this.testing = List.of(batch(new Random(seed ^ 0x7E57), 90));
    }

    @Override
    public DataSet trainingBatch(int step, int batchSize) {
        return batch(new Random(seed * 7919 + step), batchSize);
    }

    @Override
    public DataSetIterator validation() {
        return new ListDataSetIterator<>(new ArrayList<>(validation));
    }

    @Override
    public DataSetIterator testing() {
        return new ListDataSetIterator<>(new ArrayList<>(testing));
    }

    private DataSet batch(Random random, int n) {
        float[][][] clips = new float[n][shape.frames()][shape.bins()];
        INDArray labels = Nd4j.zeros(n, shape.numLabels());
        int band = shape.bins() / shape.numLabels();
        int burst = shape.frames() / 3;
        for (int i = 0; i < n; i++) {
            int label = random.nextInt(shape.numLabels());
            labels.putScalar(i, label, 1);
            int start = random.nextInt(shape.frames() - burst);
            for (int t = 0; t < shape.frames(); t++) {
                for (int b = 0; b < shape.bins(); b++) {
                    boolean on = t >= start && t < start + burst && b >= label * band && b < (label + 1) * band;
                    clips[i][t][b] = (float) (random.nextGaussian() * 0.7 + (on ? 1.0 : 0.0));
                }
            }
        }
        return new DataSet(BatchLayout.arrange(clips, layout), labels);
    }
}
