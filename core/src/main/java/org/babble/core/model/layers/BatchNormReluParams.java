package org.babble.core.model.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The parameters of a {@link BatchNormRelu}, laid out as DL4J lays out a default {@code BatchNormalization}'s: four
 * vectors of one value per channel, {@code gamma} (1), {@code beta} (0), the running {@code mean} (0) and the running
 * {@code log10stdev} (0), in that order. Networks built from either layer therefore hold the same flat parameter
 * vector, start from the same values and draw nothing from the random generator here.
 */
final class BatchNormReluParams implements ParamInitializer {
    static final BatchNormReluParams INSTANCE = new BatchNormReluParams();
    static final String GAMMA = BatchNormalizationParamInitializer.GAMMA;
    static final String BETA = BatchNormalizationParamInitializer.BETA;
    static final String MEAN = BatchNormalizationParamInitializer.GLOBAL_MEAN;
    static final String LOG10_STD = BatchNormalizationParamInitializer.GLOBAL_LOG_STD;
    private static final List<String> KEYS = List.of(GAMMA, BETA, MEAN, LOG10_STD);

    private BatchNormReluParams() {}

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        return KEYS.size() * ((BatchNormRelu) layer).getNOut();
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return KEYS;
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return List.of();
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return List.of();
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return false;
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return false;
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        Map<String, INDArray> params = split(conf, paramsView);
        if (initializeParams) {
            params.get(GAMMA).assign(1);
            params.get(BETA).assign(0);
            params.get(MEAN).assign(0);
            params.get(LOG10_STD).assign(0);
        }
        for (String key : KEYS) {
            conf.addVariable(key);
        }
        return params;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return split(conf, gradientView);
    }

    /** Views of the four per-channel vectors in {@code flat}, in {@link #KEYS} order. */
    private static Map<String, INDArray> split(NeuralNetConfiguration conf, INDArray flat) {
        long channels = ((BatchNormRelu) conf.getLayer()).getNOut();
        INDArray vector = flat.reshape(flat.length());
        Map<String, INDArray> views = new LinkedHashMap<>();
        for (int i = 0; i < KEYS.size(); i++) {
            views.put(KEYS.get(i), vector.get(NDArrayIndex.interval(i * channels, (i + 1) * channels)));
        }
        return views;
    }
}
