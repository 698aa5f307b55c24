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
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The running {@link TemporalConvolution}. Forward: the column matrix {@code [in * kernel, batch * outFrames]} built on
 * the heap, then {@code W[out, in * kernel]} times it. Backward: the weight gradient is one multiply by the column
 * matrix (kept from the training forward pass), written straight into DL4J's gradient view; the input gradient is one
 * multiply by the transposed weights, scattered back onto the frames. Layout changes ({@code [out, batch, frames]} ⇄
 * {@code [batch, out, frames]}) are heap copies too, since ND4J's strided copies cost more and stall on a busy machine.
 * Activations and input gradients go to DL4J's workspaces for them, other arrays to working memory. The multiplies see
 * their operands in the layouts DL4J's {@code ConvolutionLayer} gives them, and the scatter adds in DL4J's order, so
 * outputs and gradients come out bit for bit as DL4J's.
 *
 * <p>The column matrix lives outside the workspaces, owned by the layer, so the backward pass can reuse it; it and
 * three heap buffers are reused across calls, so, like DL4J's own layers, this is not thread-safe.
 */
final class TemporalConvolutionLayer extends BaseLayer<TemporalConvolution> {
    private transient float[] frames;
    private transient float[] columns;
    private transient float[] outputs;
    /** Off-heap, outside any workspace, at least as long as the current column matrix. */
    private transient INDArray columnStore;
    /** The input whose column matrix {@link #columnStore} holds from a training forward pass, or null. */
    private transient INDArray columnsOf;

    TemporalConvolutionLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        if (dataType != DataType.FLOAT) {
            throw new IllegalArgumentException("TemporalConvolution computes in float, not " + dataType);
        }
    }

    @Override
    public Type type() {
        return Type.CONVOLUTIONAL;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public boolean hasBias() {
        return false;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaceMgr);
        TemporalColumns layout = prepare();
        INDArray weights = matrix(getParamWithNoise(TemporalConvolutionParams.WEIGHTS, training, workspaceMgr));
        INDArray columnMatrix = buildColumnMatrix(layout);
        columnsOf = training ? input : null;
        long out = layerConf().getNOut();
        long batch = input.size(0);
        long outFrames = layout.columns() / batch;
        INDArray product = workspaceMgr.createUninitialized(
                ArrayType.FF_WORKING_MEM, DataType.FLOAT, new long[] {out, layout.columns()}, 'c');
        Nd4j.gemm(weights, columnMatrix, product, false, false, 1.0, 0.0);
        HeapCopy.read(product, outputs);
        INDArray output = workspaceMgr.createUninitialized(
                ArrayType.ACTIVATIONS, DataType.FLOAT, new long[] {batch, out, outFrames, 1}, 'c');
        HeapCopy.writeSwapped(outputs, output);
        return output;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        TemporalColumns layout = prepare();
        INDArray weights = matrix(getParamWithNoise(TemporalConvolutionParams.WEIGHTS, true, workspaceMgr));
        INDArray columnMatrix = input == columnsOf ? columnMatrix(layout) : buildColumnMatrix(layout);
        long out = layerConf().getNOut();
        long[] outputShape = {input.size(0), out, layout.columns() / input.size(0), 1};
        if (!Arrays.equals(epsilon.shape(), outputShape)) {
            throw new DL4JInvalidInputException("TemporalConvolution expects the gradient of its output "
                    + Arrays.toString(outputShape) + ", got " + Arrays.toString(epsilon.shape()) + " " + layerId());
        }
        HeapCopy.readSwapped(epsilon, outputs);
        INDArray delta = workspaceMgr.createUninitialized(
                ArrayType.BP_WORKING_MEM, DataType.FLOAT, new long[] {out, layout.columns()}, 'c');
        HeapCopy.write(outputs, delta);

        INDArray weightGradient = gradientViews.get(TemporalConvolutionParams.WEIGHTS);
        Nd4j.gemm(delta, columnMatrix, matrix(weightGradient), false, true, 1.0, 0.0);
        // Column-major, as DL4J computes it: the same multiply, the same rounding.
        INDArray columnGradient = workspaceMgr.createUninitialized(
                ArrayType.BP_WORKING_MEM, DataType.FLOAT, new long[] {layout.rows(), layout.columns()}, 'f');
        Nd4j.gemm(weights, delta, columnGradient, true, false, 1.0, 0.0);
        HeapCopy.read(columnGradient.transpose(), columns);
        layout.scatter(columns, frames);
        INDArray inputGradient =
                workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, input.shape(), 'c');
        HeapCopy.write(frames, inputGradient);

        Gradient gradient = new DefaultGradient();
        gradient.setGradientFor(TemporalConvolutionParams.WEIGHTS, weightGradient, 'c');
        weightNoiseParams.clear();
        return new Pair<>(gradient, backpropDropOutIfPresent(inputGradient));
    }

    @Override
    public void clear() {
        super.clear();
        columnsOf = null;
    }

    /** The column layout for the current input, after checking its shape; grows the buffers to fit it. */
    @SuppressWarnings("try") // the out-of-workspace scope works by being open; its variable is never read
    private TemporalColumns prepare() {
        TemporalConvolution conf = layerConf();
        if (input.rank() != 4 || input.size(1) != conf.getNIn() || input.size(3) != 1) {
            throw new DL4JInvalidInputException("TemporalConvolution expects input [batch, " + conf.getNIn()
                    + ", frames, 1], got " + Arrays.toString(input.shape()) + " " + layerId());
        }
        TemporalColumns layout = new TemporalColumns(
                conf.window(input.size(2)), Math.toIntExact(input.size(1)), Math.toIntExact(input.size(0)));
        int columnValues = Math.multiplyExact(layout.rows(), layout.columns());
        int outputValues = Math.multiplyExact(Math.toIntExact(conf.getNOut()), layout.columns());
        frames = atLeast(frames, layout.inputSize());
        columns = atLeast(columns, columnValues);
        outputs = atLeast(outputs, outputValues);
        if (columnStore == null || columnStore.length() < columnValues) {
            try (MemoryWorkspace outside = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                columnStore = Nd4j.createUninitialized(DataType.FLOAT, columnValues);
            }
            columnsOf = null;
        }
        return layout;
    }

    /** The column matrix of the current input, built into the column store. */
    private INDArray buildColumnMatrix(TemporalColumns layout) {
        HeapCopy.read(input, frames);
        layout.gather(frames, columns);
        INDArray matrix = columnMatrix(layout);
        HeapCopy.write(columns, matrix);
        return matrix;
    }

    /** The column store viewed as the current column matrix. */
    private INDArray columnMatrix(TemporalColumns layout) {
        return columnStore
                .get(NDArrayIndex.interval(0, (long) layout.rows() * layout.columns()))
                .reshape('c', layout.rows(), layout.columns());
    }

    private static float[] atLeast(float[] buffer, int size) {
        return buffer != null && buffer.length >= size ? buffer : new float[size];
    }

    /** A row-major {@code [d0, d1 * d2 * ...]} view of {@code array}, which must not need a copy. */
    private static INDArray matrix(INDArray array) {
        long rows = array.size(0);
        INDArray view = Shape.newShapeNoCopy(array, new long[] {rows, array.length() / rows}, false);
        if (view == null) {
            throw new IllegalStateException("no row-major matrix view of an array with shape "
                    + Arrays.toString(array.shape()) + " and strides " + Arrays.toString(array.stride()));
        }
        return view;
    }
}
