package org.babble.bench;

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
 * The default network's stages (5s2×64, 9s2×96, 9s2×128, batch norm, ReLU, average pool) built from different DL4J
 * layers and layouts, timed on random batches of 100: {@code ConvolutionLayer} with {@code (k, 1)} kernels over NCHW
 * (babble's default) or NHWC, {@code Convolution1DLayer} with batch norm through feed-forward preprocessors, and
 * {@code Convolution1DLayer} without batch norm. Profiling shows the NCHW layer's time going to im2col rather than to
 * the matrix multiplies. Run {@code bench/layout-speed [frames]} on an idle machine.
 */
public final class LayoutSpeed {
    private static final int BATCH = 100;
    private static final int BINS = 40;
    private static final int LABELS = 6;
    private static final int[][] STAGES = {{5, 2, 64}, {9, 2, 96}, {9, 2, 128}};

    public static void main(String[] args) {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 99;
        TrainSpeed.matmulGflops();
        System.out.printf("plain ND4J matmul: %.1f GFLOP/s%n", TrainSpeed.matmulGflops());
        for (String variant : new String[] {"conv2d-nchw", "conv2d-nhwc", "conv1d", "conv1d-no-batch-norm"}) {
            MultiLayerNetwork net = new MultiLayerNetwork(configure(variant, frames));
            net.init();
            INDArray x = switch (variant) {
                case "conv2d-nchw" -> Nd4j.randn(DataType.FLOAT, BATCH, BINS, frames, 1);
                case "conv2d-nhwc" -> Nd4j.randn(DataType.FLOAT, BATCH, frames, 1, BINS);
                default -> Nd4j.randn(DataType.FLOAT, BATCH, BINS, frames);
            };
            INDArray y = Nd4j.zeros(DataType.FLOAT, BATCH, LABELS);
            for (int i = 0; i < BATCH; i++) {
                y.putScalar(i, i % LABELS, 1);
            }
            double step = best(6, () -> net.fit(x, y));
            double forward = best(4, () -> net.output(x, false));
            System.out.printf("T=%d %-22s train step %.3f s  forward %.3f s%n", frames, variant, step, forward);
        }
    }

    private static MultiLayerConfiguration configure(String variant, int frames) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(1e-3))
                .weightInit(WeightInit.RELU).convolutionMode(ConvolutionMode.Same).list();
        boolean oneD = variant.startsWith("conv1d");
        boolean norm = !variant.endsWith("no-batch-norm");
        CNN2DFormat format = variant.endsWith("nhwc") ? CNN2DFormat.NHWC : CNN2DFormat.NCHW;
        for (int[] s : STAGES) {
            if (oneD) {
                list.layer(new Convolution1DLayer.Builder(s[0], s[1]).nOut(s[2]).hasBias(!norm)
                        .activation(norm ? Activation.IDENTITY : Activation.RELU).build());
                if (norm) {
                    // DL4J's batch norm takes no sequences: fold time into the batch and back.
                    int at = list.getLayerwise().size();
                    list.inputPreProcessor(at, new RnnToFeedForwardPreProcessor());
                    list.layer(new BatchNormalization.Builder().activation(Activation.RELU).build());
                    list.inputPreProcessor(at + 1, new FeedForwardToRnnPreProcessor());
                }
            } else {
                list.layer(new ConvolutionLayer.Builder(s[0], 1).stride(s[1], 1).nOut(s[2]).dataFormat(format)
                                .hasBias(false).activation(Activation.IDENTITY).build())
                        .layer(new BatchNormalization.Builder().dataFormat(format).build())
                        .layer(new ActivationLayer.Builder().activation(Activation.RELU).build());
            }
        }
        list.layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build());
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(LABELS)
                .activation(Activation.SOFTMAX).build());
        return list.setInputType(oneD ? InputType.recurrent(BINS, frames)
                : InputType.convolutional(frames, 1, BINS, format)).build();
    }

    /** Best wall time of {@code runs} runs after one warm-up, seconds. */
    private static double best(int runs, Runnable job) {
        job.run();
        double best = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            job.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }
}
