package org.babble.cli;

import org.babble.core.features.FeatureLayout;
import org.babble.core.train.TrainingData;
import org.babble.dataset.batch.BatchSource;
import org.babble.dataset.batch.PrefetchedBatches;
import org.babble.dataset.split.Split;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Feeds a {@link org.babble.core.train.Trainer} from a data folder: training batches are featurised on a background
 * thread one step ahead, validation and test come from the feature cache. Batches depend on the step only, so resumed
 * runs see the same data.
 */
final class DatasetTrainingData implements TrainingData, AutoCloseable {
    private static final int EVAL_BATCH = 200;
    private static final int PREFETCH_DEPTH = 2;

    private final BatchSource source;
    private final FeatureLayout layout;
    private PrefetchedBatches prefetched;
    private int prefetchedSize;

    DatasetTrainingData(BatchSource source, FeatureLayout layout) {
        this.source = source;
        this.layout = layout;
    }

    java.util.List<String> labels() {
        return source.labels();
    }

    @Override
    public DataSet trainingBatch(int step, int batchSize) {
        if (prefetched == null || prefetched.nextStep() != step || prefetchedSize != batchSize) {
            if (prefetched != null) {
                prefetched.close();
            }
            prefetched = source.prefetch(step, batchSize, PREFETCH_DEPTH);
            prefetchedSize = batchSize;
        }
        return prefetched.next().toDataSet(layout);
    }

    @Override
    public DataSetIterator validation() {
        return source.iterator(Split.VALIDATION, EVAL_BATCH, layout, false, false);
    }

    @Override
    public DataSetIterator testing() {
        return source.iterator(Split.TESTING, EVAL_BATCH, layout, false, false);
    }

    @Override
    public void close() {
        if (prefetched != null) {
            prefetched.close();
        }
        source.close();
    }
}
