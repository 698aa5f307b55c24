package org.babble.core.model;

import org.babble.core.features.FeatureLayout;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * TF speech_commands' {@code conv} (cnn-trad-fpool3): 20×8 conv with 64 filters, 2×2 max-pool, 10×4 conv with 64
 * filters (both "same" padding, ReLU, dropout), then one dense layer to the labels. Kept for users who follow the
 * tutorial; it is slow in DL4J on a CPU (large 2-D kernels with many channels).
 */
final class TfConv implements NetworkDesign {
    @Override
    public FeatureLayout layout() {
        return FeatureLayout.IMAGE;
    }

    @Override
    public MultiLayerConfiguration configure(ModelShape shape, long seed, double dropoutRate, IUpdater optimizer) {
        NeuralNetConfiguration.ListBuilder list = Layers.base(seed, optimizer)
                .convolutionMode(ConvolutionMode.Same)
                .list()
                .layer(new ConvolutionLayer.Builder(20, 8)
                        .nOut(64)
                        .activation(Activation.RELU)
                        .build());
        Layers.dropout(list, dropoutRate);
        list.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                        .kernelSize(2, 2)
                        .stride(2, 2)
                        .build())
                .layer(new ConvolutionLayer.Builder(10, 4)
                        .nOut(64)
                        .activation(Activation.RELU)
                        .build());
        Layers.dropout(list, dropoutRate);
        return list.layer(Layers.softmax(shape))
                .setInputType(InputType.convolutional(shape.frames(), shape.bins(), 1))
                .build();
    }
}
