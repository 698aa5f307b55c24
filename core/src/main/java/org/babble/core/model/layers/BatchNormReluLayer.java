package org.babble.core.model.layers;

import java.util.Arrays;
import org.deeplearning4j.exception.DL4JInvalidInputException;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The running {@link BatchNormRelu}. The input is copied to the heap once; training normalises it with the batch's
 * per-channel mean and variance ({@link ChannelMoments}), inference with the running mean and standard deviation, and
 * one pass ({@link NormalizedRelu}) writes the output, which goes to DL4J's activations workspace. Training keeps its
 * centred input, output and batch statistics on the heap (no workspace copies) for the backward pass, which makes two
 * passes over the output gradient, writes the input gradient to DL4J's workspace for it and gamma's and beta's
 * gradients, plus the running statistics' steps ({@link RunningStatistics}), to DL4J's gradient views.
 *
 * <p>Like DL4J's own layers this is not thread-safe: heap buffers are reused across calls.
 */
final class BatchNormReluLayer extends BaseLayer<BatchNormRelu> {
    private transient float[] values;
    private transient float[] centered;
    private transient float[] outputs;
    /** The input whose training pass {@link #centered}, {@link #outputs} and the batch statistics hold, or null. */
    private transient INDArray trainedOn;

    private transient NormalizedRelu.Shape trainedShape;
    private transient float[] batchMean;
    private transient float[] batchVariance;
    private transient float[] batchStd;

    BatchNormReluLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        if (dataType != DataType.FLOAT) {
            throw new IllegalArgumentException("BatchNormRelu computes in float, not " + dataType);
        }
    }

    @Override
    public Type type() {
        return Type.NORMALIZATION;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    /** Running statistics are stepped by their "gradients" as they are, as DL4J's batch norm does. */
    @Override
    public boolean updaterDivideByMinibatch(String paramName) {
        return !BatchNormReluParams.MEAN.equals(paramName) && !BatchNormReluParams.LOG10_STD.equals(paramName);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        NormalizedRelu.Shape shape = prepare();
        if (training) {
            train(shape);
        } else {
            trainedOn = null;
            HeapCopy.read(input, values);
            BatchNormRelu conf = layerConf();
            float[] std = RunningStatistics.runningDeviation(vector(BatchNormReluParams.LOG10_STD), conf.getEps());
            NormalizedRelu.forward(
                    values,
                    shape,
                    vector(BatchNormReluParams.MEAN),
                    std,
                    vector(BatchNormReluParams.GAMMA),
                    vector(BatchNormReluParams.BETA),
                    null,
                    outputs);
        }
        INDArray output = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, input.shape(), 'c');
        HeapCopy.write(outputs, output);
        return output;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        if (!Arrays.equals(epsilon.shape(), input.shape())) {
            throw new DL4JInvalidInputException("BatchNormRelu expects the gradient of its output "
                    + Arrays.toString(input.shape()) + ", got " + Arrays.toString(epsilon.shape()) + " " + layerId());
        }
        if (input != trainedOn) {
            train(prepare());
        }
        NormalizedRelu.Shape shape = trainedShape;
        BatchNormRelu conf = layerConf();
        int channels = shape.channels();
        float[] gammaGradient = new float[channels];
        float[] betaGradient = new float[channels];
        HeapCopy.read(epsilon, values);
        NormalizedRelu.backward(
                values,
                outputs,
                centered,
                shape,
                batchStd,
                Nd4jFloatMath.pow(batchStd, -3.0),
                vector(BatchNormReluParams.GAMMA),
                gammaGradient,
                betaGradient);
        INDArray inputGradient =
                workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, input.shape(), 'c');
        HeapCopy.write(values, inputGradient);

        Gradient gradient = new DefaultGradient();
        setGradient(gradient, BatchNormReluParams.GAMMA, gammaGradient);
        setGradient(gradient, BatchNormReluParams.BETA, betaGradient);
        setGradient(
                gradient,
                BatchNormReluParams.MEAN,
                RunningStatistics.meanStep(vector(BatchNormReluParams.MEAN), batchMean, conf.getDecay()));
        setGradient(
                gradient,
                BatchNormReluParams.LOG10_STD,
                RunningStatistics.log10StdStep(vector(BatchNormReluParams.LOG10_STD), batchVariance, conf.getDecay()));
        return new Pair<>(gradient, inputGradient);
    }

    @Override
    public void clear() {
        super.clear();
        trainedOn = null;
    }

    /** The training forward pass of the current input, kept for the backward pass. */
    private void train(NormalizedRelu.Shape shape) {
        int channels = shape.channels();
        HeapCopy.read(input, values);
        batchMean = new float[channels];
        batchVariance = new float[channels];
        ChannelMoments.mean(values, shape.batch(), channels, shape.positions(), batchMean);
        ChannelMoments.variance(values, shape.batch(), channels, shape.positions(), batchVariance);
        batchStd = RunningStatistics.batchDeviation(batchVariance, layerConf().getEps());
        NormalizedRelu.forward(
                values,
                shape,
                batchMean,
                batchStd,
                vector(BatchNormReluParams.GAMMA),
                vector(BatchNormReluParams.BETA),
                centered,
                outputs);
        trainedOn = input;
        trainedShape = shape;
    }

    /** The layout of the current input, after checking its shape; grows the buffers to fit it. */
    private NormalizedRelu.Shape prepare() {
        long channels = layerConf().getNOut();
        if (input.rank() != 4 || input.size(1) != channels) {
            throw new DL4JInvalidInputException("BatchNormRelu expects NCHW input [batch, " + channels
                    + ", height, width], got " + Arrays.toString(input.shape()) + " " + layerId());
        }
        NormalizedRelu.Shape shape = new NormalizedRelu.Shape(
                Math.toIntExact(input.size(0)),
                Math.toIntExact(channels),
                Math.toIntExact(Math.multiplyExact(input.size(2), input.size(3))));
        int size = shape.size();
        values = atLeast(values, size);
        centered = atLeast(centered, size);
        outputs = atLeast(outputs, size);
        return shape;
    }

    /** A parameter's values on the heap. */
    private float[] vector(String key) {
        return getParam(key).toFloatVector();
    }

    /** Writes {@code values} into the parameter's gradient view and records it. */
    private void setGradient(Gradient gradient, String key, float[] values) {
        INDArray view = gradientViews.get(key);
        HeapCopy.write(values, view);
        gradient.setGradientFor(key, view);
    }

    private static float[] atLeast(float[] buffer, int size) {
        return buffer != null && buffer.length >= size ? buffer : new float[size];
    }
}
