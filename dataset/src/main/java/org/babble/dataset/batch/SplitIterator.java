package org.babble.dataset.batch;

import java.util.List;
import java.util.NoSuchElementException;
import org.babble.core.features.FeatureLayout;
import org.babble.dataset.split.Split;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * A split as a DL4J {@link DataSetIterator}, for {@code fit(iterator)} and {@code evaluate(iterator)}: one pass per
 * epoch, reshuffled by (seed, epoch) when asked, augmented when asked (training only), last batch possibly short.
 */
public final class SplitIterator implements DataSetIterator {
    private static final long serialVersionUID = 1L;

    private final transient BatchSource source;
    private final Split split;
    private final int batchSize;
    private final FeatureLayout layout;
    private final boolean shuffle;
    private final boolean augment;
    private transient DataSetPreProcessor preProcessor;
    private int epoch;
    private int cursor;
    private int[] order;

    SplitIterator(
            BatchSource source, Split split, int batchSize, FeatureLayout layout, boolean shuffle, boolean augment) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        if (augment && split != Split.TRAINING) {
            throw new IllegalArgumentException("only the training split is augmented, not " + split.tfName());
        }
        this.source = source;
        this.split = split;
        this.batchSize = batchSize;
        this.layout = layout;
        this.shuffle = shuffle;
        this.augment = augment;
        this.order = orderOf(0);
    }

    @Override
    public boolean hasNext() {
        return cursor < order.length;
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) {
            throw new NoSuchElementException("epoch " + epoch + " of " + split.tfName() + " is done; call reset()");
        }
        int to = Math.min(order.length, cursor + num);
        int[] positions = java.util.Arrays.copyOfRange(order, cursor, to);
        long stream = ((long) epoch << 32) | cursor;
        cursor = to;
        Batch batch = augment ? source.augmentedBatch(positions, stream) : source.cachedBatch(split, positions);
        DataSet dataSet = batch.toDataSet(layout);
        if (preProcessor != null) {
            preProcessor.preProcess(dataSet);
        }
        return dataSet;
    }

    @Override
    public int inputColumns() {
        return source.featureSettings().featureSize();
    }

    @Override
    public int totalOutcomes() {
        return source.labels().size();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return true;
    }

    /** Starts the next epoch (a new shuffled order when shuffling). */
    @Override
    public void reset() {
        epoch++;
        cursor = 0;
        order = orderOf(epoch);
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return source.labels();
    }

    private int[] orderOf(int epochNumber) {
        if (shuffle) {
            return source.epochOrder(split, epochNumber);
        }
        int[] identity = new int[source.size(split)];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        return identity;
    }
}
