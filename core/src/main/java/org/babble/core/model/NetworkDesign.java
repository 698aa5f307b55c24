package org.babble.core.model;

import org.babble.core.features.FeatureLayout;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;

/**
 * One network family: the layout of the batches it eats and how to configure it for a clip shape. Implementations are
 * stateless; the trainer builds the network, so optimiser settings are passed in rather than chosen here.
 */
public interface NetworkDesign {
    FeatureLayout layout();

    /**
     * The network for {@code shape}.
     *
     * @param dropoutRate fraction of activations dropped while training (TF's {@code dropout_rate}), 0 for none
     * @param optimizer   the updater with its learning-rate schedule
     */
    MultiLayerConfiguration configure(
            ModelShape shape, long seed, double dropoutRate, org.nd4j.linalg.learning.config.IUpdater optimizer);
}
