package org.babble.core.frozen;

import java.nio.file.Path;
import org.babble.core.features.FeatureLayout;
import org.babble.testing.TinyModels;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Made {@code reference-v1.babble} (format version 1), kept so later versions prove they still read it:
 * {@code mvn -q -o test-compile -pl core} then run this main with the test class path and the resource folder as
 * argument. The network is seeded and untrained; {@link ReferenceModelTest} holds its scores.
 */
public final class ReferenceModelMaker {
    private ReferenceModelMaker() {}

    static MultiLayerNetwork network() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(2026)
                .list()
                .layer(new DenseLayer.Builder()
                        .nOut(4)
                        .activation(Activation.TANH)
                        .build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nOut(TinyModels.LABELS.size())
                        .activation(Activation.SOFTMAX)
                        .build())
                .setInputType(InputType.feedForward(TinyModels.FEATURES.featureSize()))
                .build());
        net.init();
        return net;
    }

    public static void main(String[] args) {
        Path folder = Path.of(args.length > 0 ? args[0] : "core/src/test/resources/org/babble/core/frozen");
        FrozenModelWriter.write(
                folder.resolve("reference-v1.babble"),
                network(),
                TinyModels.metadata(TinyModels.LABELS, FeatureLayout.FLAT));
    }
}
