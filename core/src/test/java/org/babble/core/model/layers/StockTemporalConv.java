package org.babble.core.model.layers;

import java.util.List;
import org.babble.core.model.TcResnetDesign;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.activations.Activation;

/**
 * {@link TcResnetDesign} as it was built before {@link TemporalConvolution}: the same stages from DL4J's stock layers
 * only, {@code ConvolutionLayer} with {@code (k, 1)} kernels in "Same" mode, {@code BatchNormalization} and a ReLU
 * {@code ActivationLayer}. Models saved then look like this; benches compare against it.
 */
public final class StockTemporalConv extends TcResnetDesign {
    public StockTemporalConv(List<TcResnetDesign.Stage> stages) {
        super(stages);
    }

    @Override
    protected Layer convolution(TcResnetDesign.Stage stage) {
        return new ConvolutionLayer.Builder(stage.kernel(), 1)
                .stride(stage.stride(), 1)
                .convolutionMode(ConvolutionMode.Same)
                .nOut(stage.channels())
                .hasBias(false)
                .activation(Activation.IDENTITY)
                .build();
    }

    @Override
    protected List<Layer> normalization(TcResnetDesign.Stage stage) {
        return StockNormTemporalConv.stockNormalization();
    }
}
