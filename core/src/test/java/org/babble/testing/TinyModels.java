package org.babble.testing;

import java.util.List;
import java.util.Random;
import org.babble.core.features.FeatureExtractor;
import org.babble.core.features.FeatureExtractors;
import org.babble.core.features.FeatureLayout;
import org.babble.core.features.FeatureSettings;
import org.babble.core.frozen.ModelMetadata;
import org.babble.core.frozen.Provenance;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A small network for inference tests: a dense network trained in about a second to tell a low tone (300 Hz) from a
 * high one (1500 Hz) and from near-silence, so classification results mean something.
 */
public final class TinyModels {
    public static final int SAMPLE_RATE = 8000;
    public static final int CLIP_MS = 1000;
    public static final double LOW_HZ = 300;
    public static final double HIGH_HZ = 1500;
    public static final List<String> LABELS = List.of("_silence_", "low", "high");
    public static final FeatureSettings FEATURES =
            new FeatureSettings(SAMPLE_RATE, CLIP_MS, 30, 20, 20, FeatureSettings.Preprocess.LOGMEL, 20, 4000, 20);

    private static MultiLayerNetwork tones;

    private TinyModels() {}

    public static ModelMetadata metadata(List<String> labels, FeatureLayout layout) {
        return new ModelMetadata(
                labels,
                FEATURES,
                layout,
                JsonObjects.object("architecture", "tiny-dense"),
                new Provenance(
                        "synthetic-tones",
                        120,
                        List.of("--wanted-words", "low,high"),
                        0.98,
                        0.97,
                        "2026-01-01T00:00:00Z",
                        "test",
                        "Linux",
                        "amd64"));
    }

    /** One second at {@link #SAMPLE_RATE} of the given label's sound; {@code seed} varies pitch, level and noise. */
    public static float[] sound(String label, long seed) {
        Random random = new Random(seed);
        int n = FEATURES.desiredSamples();
        float[] noise = Signals.noise(0.002 + 0.003 * random.nextDouble(), seed, n);
        if (label.equals("_silence_")) {
            return noise;
        }
        double base = label.equals("low") ? LOW_HZ : HIGH_HZ;
        float[] tone =
                Signals.sine(base * (0.9 + 0.2 * random.nextDouble()), 0.1 + 0.4 * random.nextDouble(), SAMPLE_RATE, n);
        for (int i = 0; i < n; i++) {
            tone[i] += noise[i];
        }
        return tone;
    }

    /** The dense tone classifier ({@link FeatureLayout#FLAT}), trained once per JVM with a fixed seed. */
    public static synchronized MultiLayerNetwork tones() {
        if (tones == null) {
            tones = trainTones();
        }
        return tones;
    }

    private static MultiLayerNetwork trainTones() {
        int inputs = FEATURES.featureSize();
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(7)
                .updater(new Adam(0.003))
                .list()
                .layer(new DenseLayer.Builder()
                        .nOut(16)
                        .activation(Activation.RELU)
                        .build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nOut(LABELS.size())
                        .activation(Activation.SOFTMAX)
                        .build())
                .setInputType(InputType.feedForward(inputs))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        int perLabel = 40;
        float[][] x = new float[perLabel * LABELS.size()][];
        float[][] y = new float[x.length][LABELS.size()];
        FeatureExtractor extractor = FeatureExtractors.create(FEATURES);
        for (int i = 0; i < x.length; i++) {
            int label = i % LABELS.size();
            x[i] = new float[inputs];
            extractor.extract(sound(LABELS.get(label), 1000 + i), x[i], 0);
            y[i][label] = 1;
        }
        DataSet data = new DataSet(Nd4j.create(x), Nd4j.create(y));
        for (int epoch = 0; epoch < 60; epoch++) {
            net.fit(data);
        }
        return net;
    }
}
