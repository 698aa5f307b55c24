package org.babble.core.model;

import java.util.List;
import org.babble.core.features.FeatureLayout;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * {@link TemporalConv} as it was built before {@link TemporalConvolution}: the same stages from DL4J's stock
 * {@code ConvolutionLayer} with {@code (k, 1)} kernels in "Same" mode. Models saved then look like this; benches
 * compare against it.
 */
public final class StockTemporalConv implements NetworkDesign {
    private final List<TemporalConv.Stage> stages;

    public StockTemporalConv(List<TemporalConv.Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    @Override
    public FeatureLayout layout() {
        return FeatureLayout.CHANNELS;
    }

    @Override
    public MultiLayerConfiguration configure(ModelShape shape, long seed, double dropoutRate, IUpdater optimizer) {
        NeuralNetConfiguration.ListBuilder list = Layers.base(seed, optimizer)
                .convolutionMode(ConvolutionMode.Same)
                .list();
        for (TemporalConv.Stage stage : stages) {
            list.layer(new ConvolutionLayer.Builder(stage.kernel(), 1).stride(stage.stride(), 1)
                            .nOut(stage.channels()).hasBias(false).activation(Activation.IDENTITY).build())
                    .layer(new BatchNormalization.Builder().build())
                    .layer(new ActivationLayer.Builder().activation(Activation.RELU).build());
        }
        list.layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build());
        Layers.dropout(list, dropoutRate);
        return list.layer(Layers.softmax(shape))
                .setInputType(InputType.convolutional(shape.frames(), 1, shape.bins()))
                .build();
    }
}
