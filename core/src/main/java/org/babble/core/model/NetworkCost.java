package org.babble.core.model;

import org.babble.core.model.layers.BatchNormRelu;
import org.babble.core.model.layers.TemporalConvolution;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;

/**
 * Multiply-adds one clip costs in a forward pass, counted from the layer shapes (convolutions and dense layers; batch
 * norm, pooling and activations are a rounding error). A training step costs about three times this per clip
 * (forward, gradient of the input, gradient of the weights).
 */
public final class NetworkCost {
    private NetworkCost() {}

    /** Forward-pass multiply-adds for one clip of {@code shape} through {@code architecture}'s network. */
    static long multiplyAddsPerClip(Architecture architecture, ModelShape shape) {
        return multiplyAddsPerClip(
                architecture.configure(shape, 0, 0, new org.nd4j.linalg.learning.config.Adam()),
                architecture.inputType(shape));
    }

    public static long multiplyAddsPerClip(MultiLayerConfiguration conf, InputType input) {
        InputType in = input;
        long total = 0;
        for (int i = 0; i < conf.getConfs().size(); i++) {
            InputPreProcessor pre = conf.getInputPreProcess(i);
            if (pre != null) {
                in = pre.getOutputType(in);
            }
            Layer layer = conf.getConf(i).getLayer();
            InputType out = layer.getOutputType(i, in);
            if (layer instanceof ConvolutionLayer conv && !(layer instanceof SubsamplingLayer)) {
                int[] k = conv.getKernelSize();
                total += outputs(out) * k[0] * k[1] * conv.getNIn();
            } else if (layer instanceof TemporalConvolution conv) {
                total += outputs(out) * conv.getKernel() * conv.getNIn();
            } else if (layer instanceof FeedForwardLayer dense
                    && !(layer instanceof ConvolutionLayer)
                    && !(layer instanceof BatchNormalization)
                    && !(layer instanceof BatchNormRelu)) {
                total += dense.getNIn() * dense.getNOut();
            }
            in = out;
        }
        return total;
    }

    private static long outputs(InputType convolutional) {
        InputType.InputTypeConvolutional shape = (InputType.InputTypeConvolutional) convolutional;
        return shape.getHeight() * shape.getWidth() * shape.getChannels();
    }
}
