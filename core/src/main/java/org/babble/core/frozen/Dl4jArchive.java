package org.babble.core.frozen;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import org.babble.core.BabbleException;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The half of {@link NetworkArchive} that needs DL4J: a network's configuration and arrays made into a
 * {@link MultiLayerNetwork}. Apart so that the archive's own class links without DL4J in the runtime without natives.
 */
final class Dl4jArchive {
    private Dl4jArchive() {}

    static MultiLayerNetwork multiLayerNetwork(NetworkArchive archive, boolean withUpdater) {
        MultiLayerConfiguration configuration;
        long expected = 0;
        try {
            configuration = MultiLayerConfiguration.fromJson(archive.configurationJson());
            for (NeuralNetConfiguration layer : configuration.getConfs()) {
                expected = archive.addParameters(
                        expected, layer.getLayer().initializer().numParams(layer));
            }
        } catch (RuntimeException e) {
            throw archive.misfit("its configuration is not a layer network's: " + NetworkArchive.firstLine(e), e);
        }
        INDArray params = array(archive, NetworkArchive.COEFFICIENTS, expected, "weights");
        try {
            configuration.setDataType(params.dataType());
            MultiLayerNetwork network = new MultiLayerNetwork(configuration);
            network.init(params, false);
            byte[] updater = archive.entries.get(NetworkArchive.UPDATER);
            if (withUpdater && updater != null) {
                INDArray view = network.getUpdater().getStateViewArray();
                network.getUpdater()
                        .setStateViewArray(
                                network,
                                array(
                                        archive,
                                        NetworkArchive.UPDATER,
                                        view == null ? 0 : view.length(),
                                        "updater state"),
                                false);
            }
            return network;
        } catch (RuntimeException e) {
            throw archive.misfit("configuration or weights: " + NetworkArchive.firstLine(e), e);
        }
    }

    /** The array in entry {@code name}, read only once its header claims exactly {@code expected} values. */
    private static INDArray array(NetworkArchive archive, String name, long expected, String what) {
        byte[] bytes = archive.entries.get(name);
        ArrayHeader header;
        try {
            header = ArrayHeader.of(bytes);
        } catch (IOException e) {
            throw new BabbleException(
                    archive.file,
                    "network " + what + " " + archive.where + " are unreadable: " + e.getMessage(),
                    NetworkArchive.remedy(),
                    e);
        }
        if (header.length() != expected) {
            throw archive.misfit(
                    "the configuration needs " + expected + " values of " + what + " but " + name + " claims "
                            + header.length(),
                    null);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return Nd4j.read(in);
        } catch (IOException | RuntimeException e) {
            throw new BabbleException(
                    archive.file,
                    "network " + what + " " + archive.where + " are unreadable: " + NetworkArchive.firstLine(e),
                    NetworkArchive.remedy(),
                    e);
        }
    }
}
