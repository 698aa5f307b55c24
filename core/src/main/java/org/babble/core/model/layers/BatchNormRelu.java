package org.babble.core.model.layers;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * Batch normalisation followed by a ReLU, for NCHW input {@code [batch, channels, height, width]}: exactly what DL4J's
 * {@code BatchNormalization} (default settings: learned gamma and beta, running mean and log10 standard deviation)
 * followed by an {@code ActivationLayer} with ReLU computes, bit for bit — outputs, input gradients, gamma and beta
 * gradients, running statistics — with the same parameters ({@code gamma, beta, mean, log10stdev}, in DL4J's order
 * and initial values), so that networks built from either train alike. It is faster on a CPU because it makes a few
 * passes over the activations each way on the heap, where DL4J's pair makes about twenty with ND4J ops and copies its
 * cached arrays out of the workspaces.
 */
public final class BatchNormRelu extends FeedForwardLayer {
    /** DL4J's default running-average decay. */
    public static final double DEFAULT_DECAY = 0.9;
    /** DL4J's default variance epsilon. */
    public static final double DEFAULT_EPS = 1e-5;

    private double decay;
    private double eps;

    /** For JSON deserialisation. */
    private BatchNormRelu() {}

    private BatchNormRelu(Builder builder) {
        super(builder);
        this.decay = builder.decay;
        this.eps = builder.eps;
        if (activationFn == null) {
            activationFn = new ActivationReLU();
        }
        requireRelu();
        initializeConstraints(builder);
    }

    /** Weight of the old running statistics in each update. */
    public double getDecay() {
        return decay;
    }

    /** Added to the variance before its square root. */
    public double getEps() {
        return eps;
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(
            NeuralNetConfiguration conf,
            Collection<TrainingListener> trainingListeners,
            int layerIndex,
            INDArray layerParamsView,
            boolean initializeParams,
            DataType networkDataType) {
        LayerValidation.assertNOutSet("BatchNormRelu", getLayerName(), layerIndex, getNOut());
        requireRelu();
        BatchNormReluLayer layer = new BatchNormReluLayer(conf, networkDataType);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        layer.setParamTable(initializer().init(conf, layerParamsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return BatchNormReluParams.INSTANCE;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return channels(inputType);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        InputType.InputTypeConvolutional in = channels(inputType);
        if (nIn <= 0 || override) {
            nIn = in.getChannels();
        }
        nOut = nIn;
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        channels(inputType);
        return null;
    }

    /** Gamma and beta follow the layer's updater; the running statistics are set by their "gradients" as they are. */
    @Override
    public IUpdater getUpdaterByParam(String paramName) {
        return switch (paramName) {
            case BatchNormReluParams.GAMMA, BatchNormReluParams.BETA -> iUpdater;
            case BatchNormReluParams.MEAN, BatchNormReluParams.LOG10_STD -> new NoOp();
            default -> throw new IllegalArgumentException("BatchNormRelu has no parameter " + paramName);
        };
    }

    /** None, as for DL4J's batch norm. */
    @Override
    public List<Regularization> getRegularizationByParam(String paramName) {
        return List.of();
    }

    @Override
    public boolean isPretrainParam(String paramName) {
        return false;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType out = getOutputType(-1, inputType);
        long params = initializer().numParams(this);
        long updaterState = getIUpdater().stateSize(2 * nOut);
        long perClip = out.arrayElementsPerExample();
        // Training keeps the centred input and the output (for the ReLU's mask) until the backward pass.
        return new LayerMemoryReport.Builder(layerName, BatchNormRelu.class, inputType, out)
                .standardMemory(params, updaterState)
                .workingMemory(0, 0, 0, perClip)
                .cacheMemory(0, 2 * perClip)
                .build();
    }

    /** The input as convolutional NCHW, or why not. */
    private InputType.InputTypeConvolutional channels(InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeConvolutional in) || in.getFormat() != CNN2DFormat.NCHW) {
            throw new IllegalStateException("BatchNormRelu (layer " + getLayerName() + ") takes convolutional NCHW"
                    + " input, [batch, channels, height, width]; got " + inputType);
        }
        return in;
    }

    private void requireRelu() {
        if (!new ActivationReLU().equals(activationFn)) {
            throw new IllegalStateException("BatchNormRelu's activation is a plain ReLU, not " + activationFn);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BatchNormRelu other
                && other.canEqual(this)
                && super.equals(o)
                && Double.compare(decay, other.decay) == 0
                && Double.compare(eps, other.eps) == 0;
    }

    @Override
    protected boolean canEqual(Object other) {
        return other instanceof BatchNormRelu;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), decay, eps);
    }

    @Override
    public String toString() {
        return "BatchNormRelu(decay=" + decay + ", eps=" + eps + ", " + super.toString() + ")";
    }

    /** Configures a {@link BatchNormRelu}; the channel count comes from the input type when not given. */
    // DL4J declares build() as <E extends Layer> E build(); javac checks the narrower override where the class is
    // declared, so only a suppression on the class silences the unchecked conversion it cannot avoid.
    @SuppressWarnings("unchecked")
    public static final class Builder extends FeedForwardLayer.Builder<Builder> {
        private double decay = DEFAULT_DECAY;
        private double eps = DEFAULT_EPS;

        public Builder decay(double decay) {
            if (!(decay >= 0 && decay < 1)) {
                throw new IllegalArgumentException("decay must be in [0, 1), got " + decay);
            }
            this.decay = decay;
            return this;
        }

        public Builder eps(double eps) {
            if (!(eps > 0)) {
                throw new IllegalArgumentException("eps must be positive, got " + eps);
            }
            this.eps = eps;
            return this;
        }

        @Override
        public BatchNormRelu build() {
            return new BatchNormRelu(this);
        }
    }
}
