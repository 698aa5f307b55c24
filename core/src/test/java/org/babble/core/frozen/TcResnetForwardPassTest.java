package org.babble.core.frozen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.babble.core.model.Architecture;
import org.babble.core.model.ModelShape;
import org.babble.core.model.NetworkDesign;
import org.babble.core.model.TcResnetDesign;
import org.babble.core.model.layers.StockNormTemporalConv;
import org.babble.core.model.layers.StockTemporalConv;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** babble's own forward pass computes what DL4J computes for the default architecture, and declines anything else. */
class TcResnetForwardPassTest {
    /**
     * Folding batch norm into the convolution rounds differently from DL4J; a max pool passes one frame's rounding
     * through where an average pool would spread it, so scores agree to a few 1e-5, not closer.
     */
    private static final double TOLERANCE = 5e-5;

    /**
     * The default architecture with DL4J's He-initialised weights and random batch norms whose statistics are near the
     * real ones of random input, as a trained network's are (init alone leaves batch norm an identity; wildly wrong
     * statistics blow activations up until float rounding, not the forward pass, decides the scores).
     */
    private static MultiLayerNetwork randomNetwork(MultiLayerConfiguration configuration, ModelShape shape, long seed) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        calibrateNormalisation(network, shape, seed);
        return network;
    }

    /** A random network of {@code design} scores like DL4J's. */
    private static void assertDesignSameAsDl4j(NetworkDesign design, ModelShape shape, long seed, double dropout) {
        assertSameAsDl4j(randomNetwork(design.configure(shape, seed, dropout, new Adam()), shape, seed), shape, seed);
    }

    private static void calibrateNormalisation(MultiLayerNetwork network, ModelShape shape, long seed) {
        Random random = new Random(seed);
        INDArray sample = Nd4j.create(
                randomFeatures(random, 16 * shape.frames() * shape.bins()),
                new long[] {16, shape.bins(), shape.frames(), 1},
                'c');
        for (int i = 0; i < network.getnLayers(); i++) {
            Layer layer = network.getLayer(i);
            if (!layer.paramTable().containsKey("log10stdev")) {
                continue;
            }
            INDArray before = network.feedForwardToLayer(i, sample, false).get(i);
            INDArray mean = before.mean(0, 2, 3);
            INDArray std = before.std(0, 2, 3);
            int channels = (int) mean.length();
            float[] gamma = new float[channels];
            float[] beta = new float[channels];
            float[] means = new float[channels];
            float[] logStd = new float[channels];
            for (int c = 0; c < channels; c++) {
                gamma[c] = 0.5f + random.nextFloat();
                beta[c] = (float) (random.nextGaussian() * 0.3);
                means[c] = (float) (mean.getDouble(c) + random.nextGaussian() * 0.2 * std.getDouble(c));
                logStd[c] = (float) Math.log10(Math.max(0.1, std.getDouble(c)) * (0.8 + 0.4 * random.nextFloat()));
            }
            set(layer, "gamma", gamma);
            set(layer, "beta", beta);
            set(layer, "mean", means);
            set(layer, "log10stdev", logStd);
        }
        Layer output = network.getLayer(network.getnLayers() - 1);
        float[] bias = new float[(int) output.getParam("b").length()];
        for (int l = 0; l < bias.length; l++) {
            bias[l] = (float) random.nextGaussian();
        }
        set(output, "b", bias);
    }

    private static void set(Layer layer, String key, float[] values) {
        INDArray old = layer.getParam(key);
        layer.setParam(key, Nd4j.create(values, old.shape(), old.ordering()));
    }

    private static float[] randomFeatures(Random random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) (random.nextGaussian() * 2);
        }
        return values;
    }

    private static void assertSameAsDl4j(MultiLayerNetwork network, ModelShape shape, long seed) {
        TcResnetWeights weights = TcResnetImport.from(network, shape.bins()).orElseThrow();
        TcResnetForwardPass runner = new TcResnetForwardPass(weights, shape.frames());
        Random random = new Random(seed * 31);
        int clips = 4;
        int perClip = shape.frames() * shape.bins();
        float[] framesFirst = randomFeatures(random, clips * perClip);
        float[] binsFirst = new float[framesFirst.length];
        for (int c = 0; c < clips; c++) {
            for (int f = 0; f < shape.frames(); f++) {
                for (int b = 0; b < shape.bins(); b++) {
                    binsFirst[c * perClip + b * shape.frames() + f] = framesFirst[c * perClip + f * shape.bins() + b];
                }
            }
        }
        float[][] expected = network.output(
                        Nd4j.create(binsFirst, new long[] {clips, shape.bins(), shape.frames(), 1}, 'c'), false)
                .toFloatMatrix();
        for (int c = 0; c < clips; c++) {
            float[] actual = runner.scores(framesFirst, c * perClip);
            assertEquals(shape.numLabels(), actual.length);
            for (int l = 0; l < actual.length; l++) {
                assertEquals(expected[c][l], actual[l], TOLERANCE, "clip " + c + " label " + l + " seed " + seed);
            }
        }
    }

    @ParameterizedTest(name = "{0} frames x {1} bins, {2} labels, seed {3}")
    @CsvSource({
        "99, 40, 3, 1",
        "99, 40, 6, 2",
        "98, 40, 3, 3",
        "98, 40, 6, 4",
        "99, 40, 6, 5",
        "98, 40, 3, 6",
        "17, 13, 4, 7",
        "33, 8, 2, 8"
    })
    void defaultArchitecturesGiveDl4jScores(int frames, int bins, int labels, long seed) {
        ModelShape shape = new ModelShape(frames, bins, labels);
        for (Architecture architecture : List.of(Architecture.TC_RESNET, Architecture.TC_RESNET_MAX)) {
            assertSameAsDl4j(
                    randomNetwork(architecture.configure(shape, seed, 0.5, new Adam()), shape, seed), shape, seed);
        }
    }

    @Test
    void withoutDropoutAndWithOtherStagesToo() {
        ModelShape shape = new ModelShape(99, 40, 6);
        TcResnetDesign design = new TcResnetDesign(List.of(
                new TcResnetDesign.Stage(3, 1, 16),
                new TcResnetDesign.Stage(4, 3, 8),
                new TcResnetDesign.Stage(8, 2, 24)));
        assertDesignSameAsDl4j(design, shape, 9, 0);
    }

    @Test
    void olderModelsBuiltFromDl4jsLayersToo() {
        assertDesignSameAsDl4j(
                new StockTemporalConv(TcResnetDesign.DEFAULT_STAGES), new ModelShape(99, 40, 6), 10, 0.5);
    }

    @Test
    void olderModelsBuiltWithDl4jsBatchNormalizationToo() {
        assertDesignSameAsDl4j(
                new StockNormTemporalConv(TcResnetDesign.DEFAULT_STAGES), new ModelShape(99, 40, 6), 11, 0.5);
    }

    @Test
    void otherNetworksAreLeftToDl4j() {
        MultiLayerNetwork dense = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .list()
                .layer(new DenseLayer.Builder()
                        .nOut(8)
                        .activation(Activation.RELU)
                        .build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nOut(3)
                        .activation(Activation.SOFTMAX)
                        .build())
                .setInputType(InputType.feedForward(40))
                .build());
        dense.init();
        assertTrue(TcResnetImport.from(dense, 40).isEmpty());
        MultiLayerNetwork pNorm =
                new MultiLayerNetwork(new TcResnetDesign(TcResnetDesign.DEFAULT_STAGES, PoolingType.PNORM)
                        .configure(new ModelShape(99, 40, 3), 1, 0.5, new Adam()));
        pNorm.init();
        assertTrue(TcResnetImport.from(pNorm, 40).isEmpty());
        ModelShape shape = new ModelShape(99, 40, 3);
        MultiLayerNetwork image = new MultiLayerNetwork(
                Architecture.values()[Architecture.values().length - 1].configure(shape, 1, 0.5, new Adam()));
        image.init();
        if (Architecture.values()[Architecture.values().length - 1] != Architecture.DEFAULT) {
            assertTrue(TcResnetImport.from(image, 40).isEmpty());
        }
    }
}
