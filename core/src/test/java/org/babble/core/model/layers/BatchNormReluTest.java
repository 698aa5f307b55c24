package org.babble.core.model.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.babble.core.model.ModelShape;
import org.babble.core.model.NetworkCost;
import org.babble.core.model.TcResnetDesign;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.memory.MemoryUseMode;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@link BatchNormRelu} is DL4J's {@code BatchNormalization} (default settings) followed by a ReLU
 * {@code ActivationLayer}, computed differently: the very same bits for outputs, gradients, running statistics and
 * trained weights, and it lives in DL4J networks like any other layer (JSON, model files, training).
 */
class BatchNormReluTest {
    private static final String[] PARAMS = {"gamma", "beta", "mean", "log10stdev"};

    /** DL4J's pair (layers 0 and 1) or ours (layer 0), then a global average pool and a softmax over 3 labels. */
    private static MultiLayerNetwork normNetwork(
            boolean ours, int channels, int height, int width, double decay, double eps) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(1)
                .updater(new Adam(1e-2))
                .weightInit(WeightInit.RELU)
                .list();
        if (ours) {
            list.layer(new BatchNormRelu.Builder().decay(decay).eps(eps).build());
        } else {
            list.layer(new BatchNormalization.Builder().decay(decay).eps(eps).build())
                    .layer(new ActivationLayer.Builder()
                            .activation(Activation.RELU)
                            .build());
        }
        MultiLayerConfiguration conf = list.layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nOut(3)
                        .activation(Activation.SOFTMAX)
                        .build())
                .setInputType(InputType.convolutional(height, width, channels))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        net.initGradientsView();
        return net;
    }

    /**
     * Gives DL4J's batch norm (layer 0 of {@code theirs}) random parameters, some gammas negative, and copies all
     * parameters to {@code ours}. Channels 0 and 1 get beta -0 and 0, for {@link #input}'s constant channels.
     */
    private static void randomParams(MultiLayerNetwork theirs, MultiLayerNetwork ours, long seed) {
        Random random = new Random(seed);
        Layer norm = theirs.getLayer(0);
        int channels = (int) norm.getParam("gamma").length();
        float[][] values = new float[4][channels];
        for (int c = 0; c < channels; c++) {
            values[0][c] = (float) (random.nextDouble() * 2.5 - 1);
            values[1][c] = (float) random.nextGaussian();
            values[2][c] = (float) random.nextGaussian();
            values[3][c] = (float) (random.nextGaussian() * 0.3);
        }
        values[0][0] = -0.75f;
        values[1][0] = -0f;
        values[1][1] = 0f;
        for (int p = 0; p < PARAMS.length; p++) {
            INDArray old = norm.getParam(PARAMS[p]);
            norm.setParam(PARAMS[p], Nd4j.create(values[p], old.shape(), old.ordering()));
        }
        ours.setParams(theirs.params());
    }

    /**
     * Random input around 0.5; channels 0 and 1 are constant, so that their normalised values are exactly zero and
     * ReLU sees -0 and 0.
     */
    private static INDArray input(int batch, int channels, int height, int width, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.randn(DataType.FLOAT, batch, channels, height, width)
                .muli(2)
                .addi(0.5);
        x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2))
                .assign(1.25);
        return x;
    }

    private static INDArray labels(int batch, long seed) {
        INDArray labels = Nd4j.zeros(DataType.FLOAT, batch, 3);
        for (int i = 0; i < batch; i++) {
            labels.putScalar(i, (int) ((i + seed) % 3), 1);
        }
        return labels;
    }

    /** The same float bits, negative zeros and NaNs included. */
    private static void assertSameBits(INDArray expected, INDArray actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        float[] e = expected.dup('c').data().asFloat();
        float[] a = actual.dup('c').data().asFloat();
        int differ = 0;
        double largest = 0;
        for (int i = 0; i < e.length; i++) {
            if (Float.floatToRawIntBits(e[i]) != Float.floatToRawIntBits(a[i])) {
                differ++;
                largest = Math.max(largest, Math.abs((double) e[i] - a[i]));
            }
        }
        assertEquals(0, differ, what + ": " + differ + " of " + e.length + " values differ, by up to " + largest);
    }

    private static INDArray theirForward(MultiLayerNetwork theirs, INDArray x, boolean training) {
        LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
        return theirs.getLayer(1)
                .activate(theirs.getLayer(0).activate(x.dup(), training, noWorkspaces), training, noWorkspaces);
    }

    @ParameterizedTest(name = "{0} x {1} x {2} x {3}")
    @CsvSource({
        "100, 64, 50, 1",
        "100, 96, 25, 1",
        "100, 128, 13, 1",
        "37, 64, 50, 1",
        "3, 5, 7, 1",
        "1, 6, 9, 1",
        "8, 4, 5, 3",
        "16, 7, 1, 1",
        "1, 2, 1, 1"
    })
    void trainingPassGivesDl4jOutputGradientsAndRunningStatistics(int batch, int channels, int height, int width) {
        MultiLayerNetwork theirs = normNetwork(false, channels, height, width, 0.9, 1e-5);
        MultiLayerNetwork ours = normNetwork(true, channels, height, width, 0.9, 1e-5);
        randomParams(theirs, ours, batch + channels);
        INDArray x = input(batch, channels, height, width, height);
        LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();

        INDArray expected = theirForward(theirs, x, true);
        INDArray actual = ours.getLayer(0).activate(x.dup(), true, noWorkspaces);
        assertSameBits(expected, actual, "output");

        INDArray epsilon = Nd4j.randn(DataType.FLOAT, expected.shape());
        Pair<Gradient, INDArray> throughRelu = theirs.getLayer(1).backpropGradient(epsilon.dup(), noWorkspaces);
        Pair<Gradient, INDArray> expectedBack =
                theirs.getLayer(0).backpropGradient(throughRelu.getSecond(), noWorkspaces);
        Pair<Gradient, INDArray> actualBack = ours.getLayer(0).backpropGradient(epsilon.dup(), noWorkspaces);
        assertSameBits(expectedBack.getSecond(), actualBack.getSecond(), "input gradient");
        assertEquals(
                expectedBack.getFirst().gradientForVariable().keySet().stream().toList(),
                actualBack.getFirst().gradientForVariable().keySet().stream().toList());
        for (String key : PARAMS) {
            assertSameBits(
                    expectedBack.getFirst().getGradientFor(key),
                    actualBack.getFirst().getGradientFor(key),
                    key + " gradient");
        }
        assertSameBits(theirs.getGradientsViewArray(), ours.getGradientsViewArray(), "gradient view");
    }

    @ParameterizedTest(name = "{0} x {1} x {2} x {3}")
    @CsvSource({"100, 64, 50, 1", "100, 128, 13, 1", "3, 5, 7, 1", "8, 4, 5, 3", "1, 2, 1, 1"})
    void inferenceGivesDl4jOutput(int batch, int channels, int height, int width) {
        MultiLayerNetwork theirs = normNetwork(false, channels, height, width, 0.9, 1e-5);
        MultiLayerNetwork ours = normNetwork(true, channels, height, width, 0.9, 1e-5);
        randomParams(theirs, ours, 3 * batch + channels);
        INDArray x = input(batch, channels, height, width, 2L * height);
        assertSameBits(
                theirForward(theirs, x, false),
                ours.getLayer(0).activate(x.dup(), false, LayerWorkspaceMgr.noWorkspaces()),
                "output");
        assertSameBits(theirs.output(x), ours.output(x), "network scores");
    }

    /** Other decay and eps than DL4J's defaults, a few steps of the whole small network, workspaces as in training. */
    @ParameterizedTest(name = "decay {0}, eps {1}")
    @CsvSource({"0.9, 1e-5", "0.75, 1e-3", "0.0, 0.1"})
    void trainsBitForBitLikeDl4j(double decay, double eps) {
        MultiLayerNetwork theirs = normNetwork(false, 12, 20, 1, decay, eps);
        MultiLayerNetwork ours = normNetwork(true, 12, 20, 1, decay, eps);
        randomParams(theirs, ours, 5);
        for (int step = 0; step < 3; step++) {
            INDArray x = input(10, 12, 20, 1, 6 + step);
            theirs.fit(x, labels(10, step));
            ours.fit(x, labels(10, step));
            assertEquals(theirs.score(), ours.score(), 0, "score of step " + step);
        }
        assertSameBits(theirs.params(), ours.params(), "parameters");
        assertSameBits(
                theirs.getUpdater().getStateViewArray(), ours.getUpdater().getStateViewArray(), "Adam state");
    }

    /**
     * The default network against the same network with DL4J's batch norm and ReLU: same scores, the very same
     * weights, running statistics and Adam state after three training steps (dropout included), and the same
     * inference outputs after them, so that switching layers changes no trained model and no accuracy.
     */
    @ParameterizedTest(name = "{0} frames")
    @CsvSource({"99", "98", "30"})
    void temporalConvTrainsBitForBitLikeDl4j(int frames) {
        ModelShape shape = new ModelShape(frames, 40, 6);
        MultiLayerNetwork theirs = new MultiLayerNetwork(
                new StockNormTemporalConv(TcResnetDesign.DEFAULT_STAGES).configure(shape, 21, 0.5, new Adam(1e-3)));
        MultiLayerNetwork ours = new MultiLayerNetwork(
                new TcResnetDesign(TcResnetDesign.DEFAULT_STAGES).configure(shape, 21, 0.5, new Adam(1e-3)));
        theirs.init();
        ours.init();
        assertSameBits(theirs.params(), ours.params(), "initial parameters");
        Random random = new Random(frames);
        for (int step = 0; step < 3; step++) {
            INDArray x = Nd4j.create(gaussians(random, 16 * 40 * frames), new long[] {16, 40, frames, 1}, 'c');
            INDArray y = Nd4j.zeros(DataType.FLOAT, 16, 6);
            for (int i = 0; i < 16; i++) {
                y.putScalar(i, random.nextInt(6), 1);
            }
            Nd4j.getRandom().setSeed(100 + step);
            theirs.fit(x, y);
            Nd4j.getRandom().setSeed(100 + step);
            ours.fit(x, y);
            assertEquals(theirs.score(), ours.score(), 0, "score of step " + step);
        }
        assertSameBits(theirs.params(), ours.params(), "parameters after 3 steps");
        assertSameBits(
                theirs.getUpdater().getStateViewArray(), ours.getUpdater().getStateViewArray(), "Adam state");
        INDArray x = Nd4j.create(gaussians(random, 8 * 40 * frames), new long[] {8, 40, frames, 1}, 'c');
        assertSameBits(theirs.output(x), ours.output(x), "inference scores");
    }

    private static float[] gaussians(Random random, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) (random.nextGaussian() * 2);
        }
        return values;
    }

    @Test
    void startsFromDl4jsParameters() {
        MultiLayerNetwork theirs = normNetwork(false, 9, 5, 1, 0.9, 1e-5);
        MultiLayerNetwork ours = normNetwork(true, 9, 5, 1, 0.9, 1e-5);
        assertEquals(
                List.copyOf(theirs.getLayer(0).paramTable().keySet()),
                List.copyOf(ours.getLayer(0).paramTable().keySet()));
        for (String key : PARAMS) {
            assertArrayEquals(
                    theirs.getLayer(0).getParam(key).shape(),
                    ours.getLayer(0).getParam(key).shape(),
                    key);
        }
        assertSameBits(theirs.params(), ours.params(), "initial parameters");
    }

    /** The backward pass uses the training statistics of the current input, whatever ran in between. */
    @Test
    void gradientsFollowTheCurrentInputWhateverRanBefore() {
        MultiLayerNetwork theirs = normNetwork(false, 6, 11, 1, 0.9, 1e-5);
        MultiLayerNetwork ours = normNetwork(true, 6, 11, 1, 0.9, 1e-5);
        randomParams(theirs, ours, 13);
        INDArray trained = input(5, 6, 11, 1, 14);
        INDArray other = input(7, 6, 11, 1, 15);
        INDArray epsilon = Nd4j.randn(DataType.FLOAT, 5, 6, 11, 1);
        LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
        theirForward(theirs, trained, true);
        Layer relu = theirs.getLayer(1);
        Pair<Gradient, INDArray> expected = theirs.getLayer(0)
                .backpropGradient(
                        relu.backpropGradient(epsilon.dup(), noWorkspaces).getSecond(), noWorkspaces);
        Layer our = ours.getLayer(0);
        our.activate(trained, true, noWorkspaces);
        our.activate(other, false, noWorkspaces);
        our.activate(other, true, noWorkspaces);
        our.setInput(trained, noWorkspaces);
        Pair<Gradient, INDArray> actual = our.backpropGradient(epsilon.dup(), noWorkspaces);
        assertSameBits(expected.getSecond(), actual.getSecond(), "input gradient");
        for (String key : PARAMS) {
            assertSameBits(
                    expected.getFirst().getGradientFor(key), actual.getFirst().getGradientFor(key), key);
        }
    }

    @Test
    void survivesJsonAndModelFilesAndResumesTrainingExactly() throws IOException {
        MultiLayerNetwork net = normNetwork(true, 6, 11, 1, 0.8, 1e-3);
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
        assertEquals(conf, back);
        BatchNormRelu norm =
                assertInstanceOf(BatchNormRelu.class, back.getConf(0).getLayer());
        assertEquals(0.8, norm.getDecay());
        assertEquals(1e-3, norm.getEps());
        assertEquals(6, norm.getNOut());

        for (int step = 0; step < 2; step++) {
            net.fit(input(5, 6, 11, 1, 20 + step), labels(5, step));
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, file, true);
        MultiLayerNetwork restored =
                ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(file.toByteArray()), true);
        assertSameBits(net.params(), restored.params(), "restored parameters");
        INDArray x = input(4, 6, 11, 1, 30);
        assertSameBits(net.output(x), restored.output(x), "restored scores");
        for (int step = 2; step < 4; step++) {
            net.fit(input(5, 6, 11, 1, 20 + step), labels(5, step));
            restored.fit(input(5, 6, 11, 1, 20 + step), labels(5, step));
        }
        assertSameBits(net.params(), restored.params(), "parameters after resuming");
        assertSameBits(
                net.getUpdater().getStateViewArray(), restored.getUpdater().getStateViewArray(), "Adam state");
    }

    @Test
    void costsWhatDl4jsBatchNormCosts() {
        ModelShape shape = new ModelShape(99, 40, 6);
        InputType input = InputType.convolutional(99, 1, 40);
        assertEquals(
                NetworkCost.multiplyAddsPerClip(
                        new StockNormTemporalConv(TcResnetDesign.DEFAULT_STAGES).configure(shape, 1, 0.5, new Adam()),
                        input),
                NetworkCost.multiplyAddsPerClip(
                        new TcResnetDesign(TcResnetDesign.DEFAULT_STAGES).configure(shape, 1, 0.5, new Adam()), input));
    }

    @Test
    void reportsAboutTheMemoryDl4jsPairReports() {
        InputType input = InputType.convolutional(50, 1, 64);
        for (MemoryUseMode mode : MemoryUseMode.values()) {
            long theirs = normNetwork(false, 64, 50, 1, 0.9, 1e-5)
                    .getLayerWiseConfigurations()
                    .getMemoryReport(input)
                    .getTotalMemoryBytes(100, mode, CacheMode.NONE, DataType.FLOAT);
            long ours = normNetwork(true, 64, 50, 1, 0.9, 1e-5)
                    .getLayerWiseConfigurations()
                    .getMemoryReport(input)
                    .getTotalMemoryBytes(100, mode, CacheMode.NONE, DataType.FLOAT);
            assertTrue(ours > theirs / 2 && ours < theirs * 2, mode + ": " + ours + " bytes, DL4J " + theirs);
        }
    }

    @Test
    void keepsTheShapeAndTakesItsChannelsFromTheInput() {
        BatchNormRelu norm = new BatchNormRelu.Builder().build();
        InputType in = InputType.convolutional(50, 1, 64);
        norm.setNIn(in, false);
        assertEquals(64, norm.getNIn());
        assertEquals(64, norm.getNOut());
        assertEquals(in, norm.getOutputType(0, in));
        assertThrows(IllegalStateException.class, () -> norm.getOutputType(0, InputType.feedForward(40)));
        assertThrows(
                IllegalStateException.class,
                () -> norm.getOutputType(0, InputType.convolutional(50, 1, 64, CNN2DFormat.NHWC)));
    }

    @Test
    void isBatchNormThenRelu() {
        assertThrows(
                IllegalStateException.class,
                () -> new BatchNormRelu.Builder().activation(Activation.TANH).build());
        assertThrows(IllegalArgumentException.class, () -> new BatchNormRelu.Builder().decay(1));
        assertThrows(IllegalArgumentException.class, () -> new BatchNormRelu.Builder().eps(0));
    }

    @Test
    void trainingLowersTheLoss() {
        MultiLayerNetwork net = normNetwork(true, 6, 10, 1, 0.9, 1e-5);
        Nd4j.getRandom().setSeed(12);
        INDArray x = Nd4j.randn(DataType.FLOAT, 30, 6, 10, 1);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 30, 3);
        for (int i = 0; i < 30; i++) {
            int label = i % 3;
            y.putScalar(i, label, 1);
            for (int t = 0; t < 10; t++) {
                x.putScalar(new long[] {i, 2 + label, t, 0}, 3);
            }
        }
        net.setInput(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        double before = net.score();
        for (int step = 0; step < 100; step++) {
            net.fit(x, y);
        }
        net.computeGradientAndScore();
        assertTrue(net.score() < before / 2, "loss " + before + " -> " + net.score());
    }
}
