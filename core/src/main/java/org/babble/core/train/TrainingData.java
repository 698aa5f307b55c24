package org.babble.core.train;

import org.babble.core.model.Architecture;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Where a training run gets its data, already laid out for the network ({@link Architecture#layout()}) with one-hot
 * labels in the run's label order.
 *
 * <p>Like TF's {@code get_data}, training draws a fresh batch every step. The batch for a step must depend only on the
 * source's seed and the step number, so a run resumed from a checkpoint sees exactly the batches the uninterrupted run
 * would have seen.
 */
public interface TrainingData {
    /** The (augmented) training batch for {@code step} (1-based). */
    DataSet trainingBatch(int step, int batchSize);

    /** The validation split, unaugmented, in a fixed order. */
    DataSetIterator validation();

    /** The test split, unaugmented, in a fixed order. */
    DataSetIterator testing();
}
