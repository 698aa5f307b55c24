package org.babble.core.evaluate;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network's output probabilities for a set of clips with their true labels: what accuracy, per-class figures and a
 * threshold sweep are computed from.
 *
 * @param labels label names in output order
 * @param truth  true label index per clip
 * @param scores probabilities per clip, one per label
 */
public record Scores(List<String> labels, int[] truth, float[][] scores) {
    public Scores {
        labels = List.copyOf(labels);
        if (truth.length != scores.length) {
            throw new IllegalArgumentException(truth.length + " labels for " + scores.length + " score rows");
        }
    }

    /** Runs {@code net} (dropout off) over every batch of {@code data}. */
    public static Scores of(MultiLayerNetwork net, DataSetIterator data, List<String> labels) {
        List<int[]> truths = new ArrayList<>();
        List<float[][]> outputs = new ArrayList<>();
        int n = 0;
        data.reset();
        while (data.hasNext()) {
            DataSet batch = data.next();
            float[][] out = net.output(batch.getFeatures(), false).toFloatMatrix();
            int[] truth = Nd4j.argMax(batch.getLabels(), 1).toIntVector();
            truths.add(truth);
            outputs.add(out);
            n += truth.length;
        }
        int[] truth = new int[n];
        float[][] scores = new float[n][];
        int i = 0;
        for (int b = 0; b < truths.size(); b++) {
            System.arraycopy(truths.get(b), 0, truth, i, truths.get(b).length);
            System.arraycopy(outputs.get(b), 0, scores, i, outputs.get(b).length);
            i += truths.get(b).length;
        }
        return new Scores(labels, truth, scores);
    }

    public int size() {
        return truth.length;
    }

    /** Index of the highest score of clip {@code i}. */
    public int predicted(int i) {
        return TopScore.index(scores[i]);
    }

    public Confusion confusion() {
        long[][] counts = new long[labels.size()][labels.size()];
        for (int i = 0; i < truth.length; i++) {
            counts[truth[i]][predicted(i)]++;
        }
        return new Confusion(labels, counts);
    }
}
