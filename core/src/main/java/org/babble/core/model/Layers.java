package org.babble.core.model;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The pieces every design shares: seeded builder, He initialisation, and TF's dropout-rate convention. */
final class Layers {
    private Layers() {}

    static NeuralNetConfiguration.Builder base(long seed, IUpdater optimizer) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(optimizer)
                .weightInit(WeightInit.RELU)
                .miniBatch(true);
    }

    /**
     * Appends a dropout layer when {@code rate} is positive. DL4J's {@code Dropout} takes the probability of keeping an
     * activation; TF's flag is the rate of dropping.
     */
    static void dropout(NeuralNetConfiguration.ListBuilder list, double rate) {
        if (rate > 0) {
            list.layer(
                    new DropoutLayer.Builder().dropOut(new Dropout(1.0 - rate)).build());
        }
    }

    /** The softmax output over the labels, trained with cross entropy, that ends every design. */
    static OutputLayer softmax(ModelShape shape) {
        return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(shape.numLabels())
                .activation(Activation.SOFTMAX)
                .build();
    }
}
