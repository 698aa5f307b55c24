package org.babble.core.model.layers;

import java.util.Collection;
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
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A convolution over time only, for {@code [batch, channels, frames, 1]} input: exactly what DL4J's
 * {@code ConvolutionLayer} computes with kernel {@code (kernel, 1)}, stride {@code (stride, 1)}, "Same" mode, no bias
 * and identity activation (bit for bit) — same weights {@code "W"} of shape {@code [out, in, kernel, 1]}, same
 * initialisation — but several times faster on a CPU: DL4J spends most of that layer's time building its column
 * matrix, where this layer builds it in plain Java and does one matrix multiply per pass.
 *
 * <p>Linear by design: put batch norm and an activation layer after it.
 */
public final class TemporalConvolution extends FeedForwardLayer {
    private int kernel;
    private int stride;

    /** For JSON deserialisation. */
    private TemporalConvolution() {}

    private TemporalConvolution(Builder builder) {
        super(builder);
        this.kernel = builder.kernel;
        this.stride = builder.stride;
        if (activationFn == null) {
            activationFn = new ActivationIdentity();
        }
        requireLinear();
        initializeConstraints(builder);
    }

    /** Taps over time. */
    public int getKernel() {
        return kernel;
    }

    /** Frames between outputs. */
    public int getStride() {
        return stride;
    }

    /** Where the layer reads for an input of {@code frames} frames. */
    public TemporalWindow window(long frames) {
        return new TemporalWindow(kernel, stride, Math.toIntExact(frames));
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(
            NeuralNetConfiguration conf,
            Collection<TrainingListener> trainingListeners,
            int layerIndex,
            INDArray layerParamsView,
            boolean initializeParams,
            DataType networkDataType) {
        LayerValidation.assertNInNOutSet("TemporalConvolution", getLayerName(), layerIndex, getNIn(), getNOut());
        requireLinear();
        TemporalConvolutionLayer layer = new TemporalConvolutionLayer(conf, networkDataType);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        layer.setParamTable(initializer().init(conf, layerParamsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return TemporalConvolutionParams.INSTANCE;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        InputType.InputTypeConvolutional in = frames(inputType);
        return InputType.convolutional(window(in.getHeight()).outFrames(), 1, nOut, CNN2DFormat.NCHW);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        InputType.InputTypeConvolutional in = frames(inputType);
        if (nIn <= 0 || override) {
            nIn = in.getChannels();
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        frames(inputType);
        return null;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType.InputTypeConvolutional in = frames(inputType);
        InputType out = getOutputType(-1, inputType);
        long params = initializer().numParams(this);
        long columnsPerClip = in.getChannels() * kernel * window(in.getHeight()).outFrames();
        long outputsPerClip = out.arrayElementsPerExample();
        // Inference: the column matrix (kept outside the workspaces) and the product before its layout change; training
        // adds the output gradient in that layout and the column matrix's gradient.
        return new LayerMemoryReport.Builder(layerName, TemporalConvolution.class, inputType, out)
                .standardMemory(params, getIUpdater().stateSize(params))
                .workingMemory(0, columnsPerClip + outputsPerClip, 0, 2 * (columnsPerClip + outputsPerClip))
                .cacheMemory(0, 0)
                .build();
    }

    /** The input as frames × 1 × channels, or why not. */
    private InputType.InputTypeConvolutional frames(InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeConvolutional in)
                || in.getWidth() != 1
                || in.getFormat() != CNN2DFormat.NCHW) {
            throw new IllegalStateException("TemporalConvolution (layer " + getLayerName() + ") takes NCHW input of"
                    + " width 1, [batch, channels, frames, 1]; got " + inputType);
        }
        return in;
    }

    private void requireLinear() {
        if (!(activationFn instanceof ActivationIdentity)) {
            throw new IllegalStateException(
                    "TemporalConvolution is linear; put an activation layer after it instead" + " of " + activationFn);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TemporalConvolution other
                && other.canEqual(this)
                && super.equals(o)
                && kernel == other.kernel
                && stride == other.stride;
    }

    @Override
    protected boolean canEqual(Object other) {
        return other instanceof TemporalConvolution;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), kernel, stride);
    }

    @Override
    public String toString() {
        return "TemporalConvolution(kernel=" + kernel + ", stride=" + stride + ", " + super.toString() + ")";
    }

    /** Configures a {@link TemporalConvolution}; {@code nIn} comes from the input type when not given. */
    // DL4J declares build() as <E extends Layer> E build(); javac checks the narrower override where the class is
    // declared, so only a suppression on the class silences the unchecked conversion it cannot avoid.
    @SuppressWarnings("unchecked")
    public static final class Builder extends FeedForwardLayer.Builder<Builder> {
        private final int kernel;
        private int stride = 1;

        public Builder(int kernel) {
            if (kernel < 1) {
                throw new IllegalArgumentException("kernel must be positive, got " + kernel);
            }
            this.kernel = kernel;
        }

        public Builder stride(int stride) {
            if (stride < 1) {
                throw new IllegalArgumentException("stride must be positive, got " + stride);
            }
            this.stride = stride;
            return this;
        }

        @Override
        public TemporalConvolution build() {
            return new TemporalConvolution(this);
        }
    }
}
