package org.babble.core.model;

import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.activations.Activation;

/**
 * {@link TemporalConv} as it was built before {@link TemporalConvolution}: the same stages from DL4J's stock layers
 * only, {@code ConvolutionLayer} with {@code (k, 1)} kernels in "Same" mode, {@code BatchNormalization} and a ReLU
 * {@code ActivationLayer}. Models saved then look like this; benches compare against it.
 */
public final class StockTemporalConv extends TemporalConv {
    public StockTemporalConv(List<TemporalConv.Stage> stages) {
        super(stages);
    }

    @Override
    protected Layer convolution(TemporalConv.Stage stage) {
        return new ConvolutionLayer.Builder(stage.kernel(), 1).stride(stage.stride(), 1)
                .convolutionMode(ConvolutionMode.Same).nOut(stage.channels()).hasBias(false)
                .activation(Activation.IDENTITY).build();
    }

    @Override
    protected List<Layer> normalization(TemporalConv.Stage stage) {
        return StockNormTemporalConv.stockNormalization();
    }
}
