package org.babble.core.model.layers;

import java.util.List;
import org.babble.core.model.TcResnetDesign;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.activations.Activation;

/**
 * {@link TcResnetDesign} as it was built before {@link BatchNormRelu}: babble's {@link TemporalConvolution} followed by
 * DL4J's stock {@code BatchNormalization} (default settings) and a ReLU {@code ActivationLayer}. Models saved then look
 * like this; tests and benches compare against it.
 */
public final class StockNormTemporalConv extends TcResnetDesign {
    public StockNormTemporalConv(List<TcResnetDesign.Stage> stages) {
        super(stages);
    }

    @Override
    protected List<Layer> normalization(TcResnetDesign.Stage stage) {
        return stockNormalization();
    }

    /** DL4J's batch norm with default settings, then a ReLU activation layer. */
    static List<Layer> stockNormalization() {
        return List.of(
                new BatchNormalization.Builder().build(),
                new ActivationLayer.Builder().activation(Activation.RELU).build());
    }
}
