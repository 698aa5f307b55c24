package org.babble.core.frozen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.babble.core.model.layers.BatchNormRelu;
import org.babble.core.model.layers.TemporalConvolution;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Recognises a DL4J network that {@link TcResnetForwardPass} computes exactly — stages of a {@code (k, 1)} "Same"
 * convolution ({@link TemporalConvolution}, or DL4J's {@code ConvolutionLayer} in older models), batch norm and ReLU
 * ({@link BatchNormRelu}, or DL4J's {@code BatchNormalization} and ReLU {@code ActivationLayer} in older models) over
 * {@code [batch, bins, frames, 1]} input, a global max (or, in older models, average) pool, optional dropout and a
 * dense softmax output — and copies its weights once, folding each batch norm into its convolution. Anything else is
 * left to DL4J.
 */
public final class TcResnetImport {
    private TcResnetImport() {}

    /** The network's weights, or empty when its layers are not exactly the supported pattern. */
    public static Optional<TcResnetWeights> from(MultiLayerNetwork network, int bins) {
        MultiLayerConfiguration configuration = network.getLayerWiseConfigurations();
        int count = configuration.getConfs().size();
        for (int i = 0; i < count; i++) {
            if (configuration.getInputPreProcess(i) != null) {
                return Optional.empty();
            }
        }
        List<TcResnetWeights.Stage> stages = new ArrayList<>();
        int channels = bins;
        int i = 0;
        while (i + 1 < count) {
            Optional<Convolution> conv = Convolution.of(configuration.getConf(i).getLayer());
            if (conv.isEmpty()) {
                break;
            }
            Optional<Normalization> norm = Normalization.of(network, i + 1);
            if (norm.isEmpty()) {
                return Optional.empty();
            }
            Optional<TcResnetWeights.Stage> stage =
                    stage(conv.get(), network.getLayer(i).paramTable(), norm.get(), channels);
            if (stage.isEmpty()) {
                return Optional.empty();
            }
            stages.add(stage.get());
            channels = stage.get().out();
            i += 1 + norm.get().layers();
        }
        if (stages.isEmpty()
                || i >= count
                || !(configuration.getConf(i).getLayer() instanceof GlobalPoolingLayer pool)
                || !pool.isCollapseDimensions()) {
            return Optional.empty();
        }
        TcResnetWeights.Pooling pooling;
        if (pool.getPoolingType() == PoolingType.MAX) {
            pooling = TcResnetWeights.Pooling.MAX;
        } else if (pool.getPoolingType() == PoolingType.AVG) {
            pooling = TcResnetWeights.Pooling.AVERAGE;
        } else {
            return Optional.empty();
        }
        i++;
        if (i < count && configuration.getConf(i).getLayer() instanceof DropoutLayer) {
            i++;
        }
        if (i != count - 1
                || !(configuration.getConf(i).getLayer() instanceof OutputLayer output)
                || !(output.getActivationFn() instanceof ActivationSoftmax)
                || output.getNIn() != channels) {
            return Optional.empty();
        }
        Map<String, INDArray> params = network.getLayer(i).paramTable();
        int labels = (int) output.getNOut();
        float[] dense = params.get("W").dup('c').data().asFloat();
        float[] bias = output.hasBias() ? params.get("b").dup('c').data().asFloat() : new float[labels];
        return Optional.of(new TcResnetWeights(bins, stages, pooling, labels, dense, bias));
    }

    /**
     * A layer that convolves over time only: babble's {@link TemporalConvolution}, or DL4J's {@code ConvolutionLayer}
     * (older models) with a {@code (k, 1)} kernel, stride {@code (s, 1)}, "Same" mode, NCHW and identity activation.
     */
    private record Convolution(int kernel, int stride, long in, long out, boolean hasBias) {
        static Optional<Convolution> of(Layer layer) {
            if (layer instanceof TemporalConvolution conv) {
                return Optional.of(
                        new Convolution(conv.getKernel(), conv.getStride(), conv.getNIn(), conv.getNOut(), false));
            }
            if (!(layer instanceof ConvolutionLayer conv) || conv.getClass() != ConvolutionLayer.class) {
                return Optional.empty();
            }
            int[] kernel = conv.getKernelSize();
            int[] stride = conv.getStride();
            int[] dilation = conv.getDilation();
            boolean temporal = conv.getConvolutionMode() == ConvolutionMode.Same
                    && conv.getCnn2dDataFormat() == CNN2DFormat.NCHW
                    && kernel[1] == 1
                    && stride[1] == 1
                    && dilation[0] == 1
                    && dilation[1] == 1
                    && conv.getActivationFn() instanceof ActivationIdentity;
            return temporal
                    ? Optional.of(new Convolution(kernel[0], stride[0], conv.getNIn(), conv.getNOut(), conv.hasBias()))
                    : Optional.empty();
        }
    }

    /**
     * A batch norm and ReLU after a convolution: babble's {@link BatchNormRelu}, or DL4J's NCHW
     * {@code BatchNormalization} followed by a ReLU {@code ActivationLayer} (older models); its per-channel scale and
     * shift as {@code gamma * (x - mean) / std + beta}.
     *
     * @param layers how many layers it takes
     */
    private record Normalization(int layers, float[] gamma, float[] beta, float[] mean, double[] std) {
        static Optional<Normalization> of(MultiLayerNetwork network, int index) {
            MultiLayerConfiguration configuration = network.getLayerWiseConfigurations();
            Layer layer = configuration.getConf(index).getLayer();
            Map<String, INDArray> params = network.getLayer(index).paramTable();
            if (layer instanceof BatchNormRelu) {
                return Optional.of(new Normalization(
                        1,
                        floats(params.get("gamma")),
                        floats(params.get("beta")),
                        floats(params.get("mean")),
                        fromLog10(floats(params.get("log10stdev")))));
            }
            if (!(layer instanceof BatchNormalization norm)
                    || norm.getCnn2DFormat() != CNN2DFormat.NCHW
                    || index + 1 >= configuration.getConfs().size()
                    || !(configuration.getConf(index + 1).getLayer() instanceof ActivationLayer relu)
                    || !(relu.getActivationFn() instanceof ActivationReLU)) {
                return Optional.empty();
            }
            int out = (int) norm.getNOut();
            float[] gamma = norm.isLockGammaBeta() ? filled(out, norm.getGamma()) : floats(params.get("gamma"));
            float[] beta = norm.isLockGammaBeta() ? filled(out, norm.getBeta()) : floats(params.get("beta"));
            double[] std;
            if (norm.isUseLogStd()) {
                std = fromLog10(floats(params.get("log10stdev")));
            } else {
                float[] variance = floats(params.get("var"));
                std = new double[out];
                for (int o = 0; o < out; o++) {
                    std[o] = Math.sqrt(variance[o] + norm.getEps());
                }
            }
            return Optional.of(new Normalization(2, gamma, beta, floats(params.get("mean")), std));
        }

        private static double[] fromLog10(float[] log10) {
            double[] std = new double[log10.length];
            for (int o = 0; o < std.length; o++) {
                std[o] = Math.pow(10, log10[o]);
            }
            return std;
        }
    }

    private static Optional<TcResnetWeights.Stage> stage(
            Convolution conv, Map<String, INDArray> convParams, Normalization norm, int in) {
        if (conv.in() != in || norm.mean().length != conv.out()) {
            return Optional.empty();
        }
        int out = (int) conv.out();
        int k = conv.kernel();
        // DL4J: W [out, in, kH, kW=1]; ours: [k][in][out].
        float[] w = convParams.get("W").dup('c').data().asFloat();
        float[] convBias = conv.hasBias() ? convParams.get("b").dup('c').data().asFloat() : new float[out];
        float[] gamma = norm.gamma();
        float[] beta = norm.beta();
        float[] mean = norm.mean();
        double[] std = norm.std();
        float[] weights = new float[k * in * out];
        float[] bias = new float[out];
        for (int o = 0; o < out; o++) {
            double scale = gamma[o] / std[o];
            bias[o] = (float) (beta[o] + (convBias[o] - mean[o]) * scale);
            for (int c = 0; c < in; c++) {
                for (int j = 0; j < k; j++) {
                    weights[(j * in + c) * out + o] = (float) (w[(o * in + c) * k + j] * scale);
                }
            }
        }
        return Optional.of(new TcResnetWeights.Stage(k, conv.stride(), in, out, weights, bias));
    }

    private static float[] floats(INDArray array) {
        return array.dup('c').data().asFloat();
    }

    private static float[] filled(int size, double value) {
        float[] values = new float[size];
        java.util.Arrays.fill(values, (float) value);
        return values;
    }
}
