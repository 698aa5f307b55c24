package org.babble.core.model;

import java.util.List;
import org.babble.core.features.FeatureLayout;
import org.babble.core.model.layers.BatchNormRelu;
import org.babble.core.model.layers.TemporalConvolution;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * babble's default: TC-ResNet-style temporal convolutions (without the residual adds). The feature bins are the input
 * channels ({@code [batch, bins, frames, 1]}) and every kernel is {@code (k, 1)}, so each layer is one column matrix
 * plus one well-shaped matrix multiply, which is one to two orders of magnitude faster on a CPU than 2-D image
 * convolutions or separable convolutions of similar accuracy; {@link TemporalConvolution} builds that column matrix
 * several times faster than DL4J's {@code ConvolutionLayer}, which computes the same, and {@link BatchNormRelu}
 * computes DL4J's batch norm and ReLU in a few heap passes instead of about twenty ND4J passes and copies. Strided
 * layers shrink long clips early; batch norm and dropout keep it small and robust. A global max pool over time ends
 * it: each channel says how strongly its pattern occurs anywhere in the clip, so a cry recorded as bursts between
 * breaths and quiet scores like continuous crying (an average pool dilutes it with the quiet: see docs/train.md).
 * Words fill their second, and there an average pool is more accurate, so it ends {@code tc_resnet}; the max pool ends
 * {@code tc_resnet_max}, the default for longer clips.
 */
public class TcResnetDesign implements NetworkDesign {
    /** One conv → batch norm → ReLU stage. */
    public record Stage(int kernel, int stride, int channels) {}

    /** The stages of the default network; chosen by measuring train-step time (see bench/train-speed). */
    public static final List<Stage> DEFAULT_STAGES =
            List.of(new Stage(5, 2, 64), new Stage(9, 2, 96), new Stage(9, 2, 128));

    private final List<Stage> stages;
    private final PoolingType pooling;

    /** The given stages, ending in a global average pool over time. */
    public TcResnetDesign(List<Stage> stages) {
        this(stages, PoolingType.AVG);
    }

    /** The given stages, ending in a global {@code pooling} over time. */
    public TcResnetDesign(List<Stage> stages, PoolingType pooling) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("invalid temporal conv stages: none");
        }
        this.stages = List.copyOf(stages);
        this.pooling = pooling;
    }

    @Override
    public FeatureLayout layout() {
        return FeatureLayout.CHANNELS;
    }

    @Override
    public MultiLayerConfiguration configure(ModelShape shape, long seed, double dropoutRate, IUpdater optimizer) {
        NeuralNetConfiguration.ListBuilder list = Layers.base(seed, optimizer).list();
        for (Stage stage : stages) {
            list.layer(convolution(stage));
            normalization(stage).forEach(list::layer);
        }
        list.layer(new GlobalPoolingLayer.Builder(pooling).build());
        Layers.dropout(list, dropoutRate);
        return list.layer(Layers.softmax(shape))
                .setInputType(InputType.convolutional(shape.frames(), 1, shape.bins()))
                .build();
    }

    /** A stage's convolution: babble's {@link TemporalConvolution}. */
    protected Layer convolution(Stage stage) {
        return new TemporalConvolution.Builder(stage.kernel())
                .stride(stage.stride())
                .nOut(stage.channels())
                .build();
    }

    /** What follows a stage's convolution: babble's {@link BatchNormRelu}. */
    protected List<Layer> normalization(Stage stage) {
        return List.of(new BatchNormRelu.Builder().build());
    }
}
