package org.babble.core.model.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The parameters of a {@link TemporalConvolution}: DL4J's convolution weights {@code "W"}, {@code [out, in, kernel, 1]}
 * in row-major order, initialised with DL4J's convolution fan-in ({@code in * kernel}) and fan-out
 * ({@code out * kernel / stride}), so networks built from either layer start from the same weights for the same seed.
 */
final class TemporalConvolutionParams implements ParamInitializer {
    static final TemporalConvolutionParams INSTANCE = new TemporalConvolutionParams();
    static final String WEIGHTS = ConvolutionParamInitializer.WEIGHT_KEY;

    private TemporalConvolutionParams() {}

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        TemporalConvolution conv = (TemporalConvolution) layer;
        return conv.getNOut() * conv.getNIn() * conv.getKernel();
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return List.of(WEIGHTS);
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return List.of(WEIGHTS);
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return List.of();
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return WEIGHTS.equals(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return false;
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        TemporalConvolution conv = (TemporalConvolution) conf.getLayer();
        INDArray flat = paramsView.reshape(paramsView.length());
        long[] shape = shape(conv);
        INDArray weights;
        if (initializeParams) {
            double fanIn = (double) conv.getNIn() * conv.getKernel();
            double fanOut = (double) conv.getNOut() * conv.getKernel() / conv.getStride();
            weights = conv.getWeightInitFn().init(fanIn, fanOut, shape, 'c', flat);
        } else {
            weights = flat.reshape('c', shape);
        }
        conf.addVariable(WEIGHTS);
        Map<String, INDArray> params = new LinkedHashMap<>();
        params.put(WEIGHTS, weights);
        return params;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        TemporalConvolution conv = (TemporalConvolution) conf.getLayer();
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        gradients.put(WEIGHTS, gradientView.reshape(gradientView.length()).reshape('c', shape(conv)));
        return gradients;
    }

    private static long[] shape(TemporalConvolution conv) {
        return new long[] {conv.getNOut(), conv.getNIn(), conv.getKernel(), 1};
    }
}
