package org.babble.bench;

import java.util.ArrayList;
import java.util.List;
import org.babble.core.model.ModelShape;
import org.babble.core.model.NetworkCost;
import org.babble.core.model.TcResnetDesign;
import org.babble.core.model.layers.TemporalConvolution;
import org.babble.core.model.layers.TemporalWindow;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToRnnPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.RnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The default network's stages (5s2×64, 9s2×96, 9s2×128, batch norm, ReLU, average pool) built from different layers
 * and layouts, timed on random batches of 100: babble's {@code TemporalConvolution} (the default), DL4J's
 * {@code ConvolutionLayer} with {@code (k, 1)} kernels over NCHW (the default before it; profiling shows its time going
 * to im2col rather than to the matrix multiplies) or NHWC, {@code Convolution1DLayer} with batch norm through
 * feed-forward preprocessors, and {@code Convolution1DLayer} without batch norm. Variants of the default without batch
 * norm, with ReLU inside batch norm instead of separate activation layers (the same function), without ReLU, and the
 * pooling and output layers alone (on the last stage's activations) show what the remaining DL4J layers cost. FLOP/s
 * count the convolutions' and the output's multiply-adds (three passes in a train step) against a plain ND4J matrix
 * multiply timed in the same run. The variants take turns (see {@link TakingTurns}). Run
 * {@code bench/layout-speed [frames]} on an idle machine; on a busy one {@code OMP_NUM_THREADS=1} spares ND4J's threads
 * from waiting on each other.
 */
public final class LayoutSpeed {
    private static final int BATCH = 100;
    private static final int BINS = 40;
    private static final int LABELS = 6;
    private static final int[][] STAGES = {{5, 2, 64}, {9, 2, 96}, {9, 2, 128}};
    private static final int LAST_CHANNELS = STAGES[STAGES.length - 1][2];

    public static void main(String[] args) {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 99;
        TrainSpeed.matmulGflops();
        double matmul = TrainSpeed.matmulGflops();
        System.out.printf("plain ND4J matmul: %.1f GFLOP/s%n", matmul);
        ModelShape shape = new ModelShape(frames, BINS, LABELS);
        long macs = NetworkCost.multiplyAddsPerClip(
                new TcResnetDesign(TcResnetDesign.DEFAULT_STAGES).configure(shape, 1, 0, new Adam()),
                InputType.convolutional(frames, 1, BINS));
        List<Variant> variants = new ArrayList<>();
        for (String name : new String[] {
            "temporal-convolution",
            "conv2d-nchw",
            "temporal-no-batch-norm",
            "temporal-relu-in-batch-norm",
            "temporal-no-relu",
            "pool-and-output-only",
            "conv2d-nhwc",
            "conv1d",
            "conv1d-no-batch-norm"
        }) {
            variants.add(new Variant(name, frames));
        }
        List<Runnable> jobs = new ArrayList<>();
        for (Variant v : variants) {
            jobs.add(() -> v.net.fit(v.x, v.y));
            jobs.add(() -> v.net.output(v.x, false));
        }
        double[] best = TakingTurns.best(jobs);
        for (int i = 0; i < variants.size(); i++) {
            String name = variants.get(i).name;
            double step = best[2 * i];
            double forward = best[2 * i + 1];
            if (name.equals("pool-and-output-only")) {
                System.out.printf("T=%d %-28s train step %.3f s  forward %.4f s%n", frames, name, step, forward);
            } else {
                double gflops = 3.0 * 2 * macs * BATCH / step / 1e9;
                System.out.printf(
                        "T=%d %-28s train step %.3f s  forward %.4f s  %5.1f GFLOP/s (%.0f%% of matmul)%n",
                        frames, name, step, forward, gflops, 100 * gflops / matmul);
            }
        }
        System.out.printf("plain ND4J matmul again: %.1f GFLOP/s%n", TrainSpeed.matmulGflops());
    }

    /** One network with its random batch. */
    private static final class Variant {
        final String name;
        final MultiLayerNetwork net;
        final INDArray x;
        final INDArray y;

        Variant(String name, int frames) {
            this.name = name;
            net = new MultiLayerNetwork(configure(name, frames));
            net.init();
            x = switch (name) {
                case "conv2d-nhwc" -> Nd4j.randn(DataType.FLOAT, BATCH, frames, 1, BINS);
                case "conv1d", "conv1d-no-batch-norm" -> Nd4j.randn(DataType.FLOAT, BATCH, BINS, frames);
                case "pool-and-output-only" -> Nd4j.randn(DataType.FLOAT, BATCH, LAST_CHANNELS, lastFrames(frames), 1);
                default -> Nd4j.randn(DataType.FLOAT, BATCH, BINS, frames, 1);
            };
            y = Nd4j.zeros(DataType.FLOAT, BATCH, LABELS);
            for (int i = 0; i < BATCH; i++) {
                y.putScalar(i, i % LABELS, 1);
            }
        }
    }

    private static MultiLayerConfiguration configure(String variant, int frames) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(1)
                .updater(new Adam(1e-3))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .list();
        if (variant.equals("pool-and-output-only")) {
            return head(list)
                    .setInputType(InputType.convolutional(lastFrames(frames), 1, LAST_CHANNELS))
                    .build();
        }
        if (variant.startsWith("temporal")) {
            for (int[] s : STAGES) {
                list.layer(new TemporalConvolution.Builder(s[0])
                        .stride(s[1])
                        .nOut(s[2])
                        .build());
                switch (variant) {
                    case "temporal-no-batch-norm" ->
                        list.layer(new ActivationLayer.Builder()
                                .activation(Activation.RELU)
                                .build());
                    case "temporal-relu-in-batch-norm" ->
                        list.layer(new BatchNormalization.Builder()
                                .activation(Activation.RELU)
                                .build());
                    case "temporal-no-relu" -> list.layer(new BatchNormalization.Builder().build());
                    default ->
                        list.layer(new BatchNormalization.Builder().build())
                                .layer(new ActivationLayer.Builder()
                                        .activation(Activation.RELU)
                                        .build());
                }
            }
            return head(list)
                    .setInputType(InputType.convolutional(frames, 1, BINS))
                    .build();
        }
        boolean oneD = variant.startsWith("conv1d");
        boolean norm = !variant.endsWith("no-batch-norm");
        CNN2DFormat format = variant.endsWith("nhwc") ? CNN2DFormat.NHWC : CNN2DFormat.NCHW;
        for (int[] s : STAGES) {
            if (oneD) {
                list.layer(new Convolution1DLayer.Builder(s[0], s[1])
                        .nOut(s[2])
                        .hasBias(!norm)
                        .activation(norm ? Activation.IDENTITY : Activation.RELU)
                        .build());
                if (norm) {
                    // DL4J's batch norm takes no sequences: fold time into the batch and back.
                    int at = list.getLayerwise().size();
                    list.inputPreProcessor(at, new RnnToFeedForwardPreProcessor());
                    list.layer(new BatchNormalization.Builder()
                            .activation(Activation.RELU)
                            .build());
                    list.inputPreProcessor(at + 1, new FeedForwardToRnnPreProcessor());
                }
            } else {
                list.layer(new ConvolutionLayer.Builder(s[0], 1)
                                .stride(s[1], 1)
                                .nOut(s[2])
                                .dataFormat(format)
                                .hasBias(false)
                                .activation(Activation.IDENTITY)
                                .build())
                        .layer(new BatchNormalization.Builder()
                                .dataFormat(format)
                                .build())
                        .layer(new ActivationLayer.Builder()
                                .activation(Activation.RELU)
                                .build());
            }
        }
        return head(list)
                .setInputType(
                        oneD ? InputType.recurrent(BINS, frames) : InputType.convolutional(frames, 1, BINS, format))
                .build();
    }

    /** Global average pool and softmax output. */
    private static NeuralNetConfiguration.ListBuilder head(NeuralNetConfiguration.ListBuilder list) {
        return list.layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nOut(LABELS)
                        .activation(Activation.SOFTMAX)
                        .build());
    }

    private static int lastFrames(int frames) {
        int length = frames;
        for (int[] s : STAGES) {
            length = new TemporalWindow(s[0], s[1], length).outFrames();
        }
        return length;
    }
}
