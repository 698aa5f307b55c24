package org.babble.core.model;

import org.babble.core.features.FeatureLayout;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * TF speech_commands' {@code low_latency_conv} (cnn-one-fstride4): one "valid" conv spanning all frames and 8 bins with
 * 186 filters, ReLU, then two linear 128-unit dense layers (TF applies no activation there) with dropout, then the
 * labels.
 */
final class TfLowLatencyConv implements NetworkDesign {
    @Override
    public FeatureLayout layout() {
        return FeatureLayout.IMAGE;
    }

    @Override
    public MultiLayerConfiguration configure(ModelShape shape, long seed, double dropoutRate, IUpdater optimizer) {
        NeuralNetConfiguration.ListBuilder list = Layers.base(seed, optimizer)
                .convolutionMode(ConvolutionMode.Truncate)
                .list()
                .layer(new ConvolutionLayer.Builder(shape.frames(), Math.min(8, shape.bins()))
                        .nOut(186)
                        .activation(Activation.RELU)
                        .build());
        Layers.dropout(list, dropoutRate);
        list.layer(new DenseLayer.Builder()
                .nOut(128)
                .activation(Activation.IDENTITY)
                .build());
        Layers.dropout(list, dropoutRate);
        list.layer(new DenseLayer.Builder()
                .nOut(128)
                .activation(Activation.IDENTITY)
                .build());
        Layers.dropout(list, dropoutRate);
        return list.layer(Layers.softmax(shape))
                .setInputType(InputType.convolutional(shape.frames(), shape.bins(), 1))
                .build();
    }
}
