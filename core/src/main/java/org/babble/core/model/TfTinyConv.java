package org.babble.core.model;

import org.babble.core.features.FeatureLayout;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * TF speech_commands' {@code tiny_conv}, the microcontroller model: one 10×8 conv with 8 filters, stride 2×2, "same"
 * padding, ReLU, dropout, then one dense layer to the labels.
 */
final class TfTinyConv implements NetworkDesign {
    @Override
    public FeatureLayout layout() {
        return FeatureLayout.IMAGE;
    }

    @Override
    public MultiLayerConfiguration configure(ModelShape shape, long seed, double dropoutRate, IUpdater optimizer) {
        NeuralNetConfiguration.ListBuilder list = Layers.base(seed, optimizer)
                .convolutionMode(ConvolutionMode.Same)
                .list()
                .layer(new ConvolutionLayer.Builder(10, 8)
                        .stride(2, 2)
                        .nOut(8)
                        .activation(Activation.RELU)
                        .build());
        Layers.dropout(list, dropoutRate);
        return list.layer(Layers.softmax(shape))
                .setInputType(InputType.convolutional(shape.frames(), shape.bins(), 1))
                .build();
    }
}
