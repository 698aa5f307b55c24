package org.babble.core.frozen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Recognises a DL4J network that {@link TcResnetForwardPass} computes exactly — stages of a {@code (k, 1)} "Same"
 * convolution (babble's {@code TemporalConvolution}, or DL4J's {@code ConvolutionLayer} in older models), batch norm
 * and ReLU ({@code BatchNormRelu}, or DL4J's {@code BatchNormalization} and ReLU {@code ActivationLayer} in older
 * models) over {@code [batch, bins, frames, 1]} input, a global max (or, in older models, average) pool, optional
 * dropout and a dense softmax output — and copies its weights once, folding each batch norm into its convolution.
 * Anything else is left to DL4J.
 *
 * <p>It reads the network as stored: DL4J's configuration JSON and the flat parameter vector, laid out as DL4J's
 * parameter initialisers lay it out (layer after layer; a convolution's bias before its {@code [out, in, k, 1]}
 * weights, a dense layer's {@code [in, out]} weights column-major before its bias). So it needs neither DL4J nor ND4J,
 * and the runtime without natives scores default models with it.
 */
public final class TcResnetImport {
    private static final String LAYERS = "org.deeplearning4j.nn.conf.layers.";
    private static final String ACTIVATIONS = "org.nd4j.linalg.activations.impl.";
    private static final Set<String> TEMPORAL_CONVOLUTION =
            Set.of("org.babble.core.model.layers.TemporalConvolution", "org.babble.core.model.TemporalConvolution");
    private static final Set<String> BATCH_NORM_RELU =
            Set.of("org.babble.core.model.layers.BatchNormRelu", "org.babble.core.model.BatchNormRelu");

    private TcResnetImport() {}

    /** The weights of a network held by DL4J, or empty when its layers are not exactly the supported pattern. */
    public static Optional<TcResnetWeights> from(MultiLayerNetwork network, int bins) {
        return from(
                network.getLayerWiseConfigurations().toJson(),
                network.params().dup('c').data().asFloat(),
                bins);
    }

    /**
     * The weights of the network that {@code configurationJson} describes and {@code params} holds, or empty when its
     * layers are not exactly the supported pattern or the parameters do not fit them.
     */
    public static Optional<TcResnetWeights> from(String configurationJson, float[] params, int bins) {
        JsonNode configuration;
        try {
            configuration = new ObjectMapper().readTree(configurationJson);
        } catch (IOException e) {
            return Optional.empty();
        }
        JsonNode preprocessors = configuration.path("inputPreProcessors");
        JsonNode confs = configuration.path("confs");
        if (!confs.isArray() || (!preprocessors.isMissingNode() && !preprocessors.isEmpty())) {
            return Optional.empty();
        }
        List<JsonNode> layers = new ArrayList<>();
        confs.forEach(conf -> layers.add(conf.path("layer")));
        return new Reader(layers, params).read(bins);
    }

    /** Walks the layers in order, taking each layer's parameters from the flat vector as it goes. */
    private static final class Reader {
        private final List<JsonNode> layers;
        private final float[] params;
        private int next;

        Reader(List<JsonNode> layers, float[] params) {
            this.layers = layers;
            this.params = params;
        }

        Optional<TcResnetWeights> read(int bins) {
            int count = layers.size();
            List<TcResnetWeights.Stage> stages = new ArrayList<>();
            int channels = bins;
            int i = 0;
            while (i + 1 < count) {
                Optional<Convolution> conv = Convolution.of(layers.get(i));
                if (conv.isEmpty()) {
                    break;
                }
                Convolution c = conv.get();
                long weights = (long) c.out() * c.in() * c.kernel();
                if (c.in() != channels
                        || c.kernel() < 1
                        || c.stride() < 1
                        || !fits((c.hasBias() ? c.out() : 0) + weights)) {
                    return Optional.empty();
                }
                float[] convBias = c.hasBias() ? take(c.out()) : new float[c.out()];
                float[] w = take((int) weights);
                Optional<Normalization> norm = normalization(i + 1, c.out());
                if (norm.isEmpty()) {
                    return Optional.empty();
                }
                TcResnetWeights.Stage stage = stage(c, w, convBias, norm.get());
                stages.add(stage);
                channels = stage.out();
                i += 1 + norm.get().layers();
            }
            if (stages.isEmpty() || i >= count) {
                return Optional.empty();
            }
            JsonNode pool = layers.get(i);
            if (!is(pool, LAYERS + "GlobalPoolingLayer")
                    || !pool.path("collapseDimensions").asBoolean(false)) {
                return Optional.empty();
            }
            TcResnetWeights.Pooling pooling;
            switch (pool.path("poolingType").asText()) {
                case "MAX" -> pooling = TcResnetWeights.Pooling.MAX;
                case "AVG" -> pooling = TcResnetWeights.Pooling.AVERAGE;
                default -> {
                    return Optional.empty();
                }
            }
            i++;
            if (i < count && is(layers.get(i), LAYERS + "DropoutLayer")) {
                i++;
            }
            if (i != count - 1) {
                return Optional.empty();
            }
            JsonNode output = layers.get(i);
            int labels = output.path("nout").asInt(0);
            boolean hasBias = output.path("hasBias").asBoolean(true);
            if (!is(output, LAYERS + "OutputLayer")
                    || !activation(output, "ActivationSoftmax")
                    || output.path("nin").asInt(-1) != channels
                    || labels < 1
                    || !fits((long) channels * labels + (hasBias ? labels : 0))) {
                return Optional.empty();
            }
            float[] columnMajor = take(channels * labels);
            float[] dense = new float[channels * labels];
            for (int in = 0; in < channels; in++) {
                for (int o = 0; o < labels; o++) {
                    dense[in * labels + o] = columnMajor[o * channels + in];
                }
            }
            float[] bias = hasBias ? take(labels) : new float[labels];
            if (next != params.length) {
                return Optional.empty();
            }
            return Optional.of(new TcResnetWeights(bins, stages, pooling, labels, dense, bias));
        }

        /**
         * The batch norm and ReLU at {@code index}: babble's {@code BatchNormRelu}, or DL4J's NCHW
         * {@code BatchNormalization} followed by a ReLU {@code ActivationLayer} (older models).
         */
        private Optional<Normalization> normalization(int index, int out) {
            JsonNode layer = layers.get(index);
            if (BATCH_NORM_RELU.contains(layer.path("@class").asText())
                    && layer.path("nout").asInt(-1) == out) {
                if (!fits(4L * out)) {
                    return Optional.empty();
                }
                float[] gamma = take(out);
                float[] beta = take(out);
                float[] mean = take(out);
                return Optional.of(new Normalization(1, gamma, beta, mean, fromLog10(take(out))));
            }
            if (!is(layer, LAYERS + "BatchNormalization")
                    || !"NCHW".equals(layer.path("cnn2DFormat").asText())
                    || layer.path("nout").asInt(-1) != out
                    || index + 1 >= layers.size()
                    || !is(layers.get(index + 1), LAYERS + "ActivationLayer")
                    || !activation(layers.get(index + 1), "ActivationReLU")
                    || !plainRelu(layers.get(index + 1))) {
                return Optional.empty();
            }
            boolean locked = layer.path("lockGammaBeta").asBoolean(false);
            if (!fits((locked ? 2L : 4L) * out)) {
                return Optional.empty();
            }
            float[] gamma = locked ? filled(out, layer.path("gamma").asDouble(1)) : take(out);
            float[] beta = locked ? filled(out, layer.path("beta").asDouble(0)) : take(out);
            float[] mean = take(out);
            double[] std;
            if (layer.path("useLogStd").asBoolean(false)) {
                std = fromLog10(take(out));
            } else {
                float[] variance = take(out);
                double eps = layer.path("eps").asDouble();
                std = new double[out];
                for (int o = 0; o < out; o++) {
                    std[o] = Math.sqrt(variance[o] + eps);
                }
            }
            return Optional.of(new Normalization(2, gamma, beta, mean, std));
        }

        private boolean fits(long values) {
            return values >= 0 && values <= params.length - (long) next;
        }

        private float[] take(int values) {
            float[] part = Arrays.copyOfRange(params, next, next + values);
            next += values;
            return part;
        }
    }

    /**
     * A layer that convolves over time only: babble's {@code TemporalConvolution}, or DL4J's {@code ConvolutionLayer}
     * (older models) with a {@code (k, 1)} kernel, stride {@code (s, 1)}, "Same" mode, NCHW and identity activation.
     */
    private record Convolution(int kernel, int stride, int in, int out, boolean hasBias) {
        static Optional<Convolution> of(JsonNode layer) {
            if (!activation(layer, "ActivationIdentity")) {
                return Optional.empty();
            }
            int in = layer.path("nin").asInt(-1);
            int out = layer.path("nout").asInt(-1);
            if (in < 1 || out < 1) {
                return Optional.empty();
            }
            if (TEMPORAL_CONVOLUTION.contains(layer.path("@class").asText())) {
                return Optional.of(new Convolution(
                        layer.path("kernel").asInt(0), layer.path("stride").asInt(0), in, out, false));
            }
            if (!is(layer, LAYERS + "ConvolutionLayer")) {
                return Optional.empty();
            }
            JsonNode kernel = layer.path("kernelSize");
            JsonNode stride = layer.path("stride");
            JsonNode dilation = layer.path("dilation");
            boolean temporal = "Same".equals(layer.path("convolutionMode").asText())
                    && "NCHW".equals(layer.path("cnn2dDataFormat").asText())
                    && kernel.path(1).asInt(0) == 1
                    && stride.path(1).asInt(0) == 1
                    && dilation.path(0).asInt(0) == 1
                    && dilation.path(1).asInt(0) == 1;
            return temporal
                    ? Optional.of(new Convolution(
                            kernel.path(0).asInt(0),
                            stride.path(0).asInt(0),
                            in,
                            out,
                            layer.path("hasBias").asBoolean(true)))
                    : Optional.empty();
        }
    }

    /**
     * A batch norm and ReLU after a convolution; its per-channel scale and shift as
     * {@code gamma * (x - mean) / std + beta}.
     *
     * @param layers how many layers it takes
     */
    private record Normalization(int layers, float[] gamma, float[] beta, float[] mean, double[] std) {}

    private static boolean is(JsonNode layer, String type) {
        return type.equals(layer.path("@class").asText());
    }

    private static boolean activation(JsonNode layer, String type) {
        return (ACTIVATIONS + type)
                .equals(layer.path("activationFn").path("@class").asText());
    }

    /** A ReLU without DL4J's optional threshold, slope or cap. */
    private static boolean plainRelu(JsonNode layer) {
        JsonNode fn = layer.path("activationFn");
        return isUnset(fn.path("max")) && isUnset(fn.path("negativeSlope")) && isUnset(fn.path("threshold"));
    }

    private static boolean isUnset(JsonNode value) {
        return value.isMissingNode() || value.isNull() || (value.isNumber() && value.asDouble() == 0);
    }

    private static double[] fromLog10(float[] log10) {
        double[] std = new double[log10.length];
        for (int o = 0; o < std.length; o++) {
            std[o] = Math.pow(10, log10[o]);
        }
        return std;
    }

    /** Folds the batch norm into the convolution: DL4J's weights {@code [out, in, k]}, ours {@code [k][in][out]}. */
    private static TcResnetWeights.Stage stage(Convolution conv, float[] w, float[] convBias, Normalization norm) {
        int in = conv.in();
        int out = conv.out();
        int k = conv.kernel();
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
        return new TcResnetWeights.Stage(k, conv.stride(), in, out, weights, bias);
    }

    private static float[] filled(int size, double value) {
        float[] values = new float[size];
        Arrays.fill(values, (float) value);
        return values;
    }
}
