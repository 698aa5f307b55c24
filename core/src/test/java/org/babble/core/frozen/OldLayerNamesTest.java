package org.babble.core.frozen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.babble.core.features.FeatureExtractors;
import org.babble.core.model.Architecture;
import org.babble.core.model.ModelShape;
import org.babble.testing.TinyModels;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Models frozen before babble's own layers moved to {@code org.babble.core.model.layers} name them by their old
 * package in the network's {@code configuration.json}, and still load and score as they did.
 */
class OldLayerNamesTest {
    private static final String[] LAYERS = {"TemporalConvolution", "BatchNormRelu"};

    @TempDir
    Path dir;

    @Test
    void aDefaultNetworkNamingItsLayersByTheOldPackageScoresAsBefore() throws IOException {
        ModelShape shape = new ModelShape(
                TinyModels.FEATURES.frameCount(), TinyModels.FEATURES.binsPerFrame(), TinyModels.LABELS.size());
        MultiLayerNetwork network = new MultiLayerNetwork(Architecture.DEFAULT.configure(shape, 5, 0, new Adam()));
        network.init();
        Path current = dir.resolve("current.babble");
        FrozenModelWriter.write(
                current, network, TinyModels.metadata(TinyModels.LABELS, Architecture.DEFAULT.layout()));

        Map<String, byte[]> entries = ModelZips.entries(current);
        Map<String, byte[]> archive =
                BoundedZip.readBytes(current, "network", entries.get(FrozenModelFormat.NETWORK), ZipLimits.DEFAULT);
        String written = new String(archive.get(FrozenModelFormat.CONFIGURATION), StandardCharsets.UTF_8);
        String renamed = written;
        for (String layer : LAYERS) {
            String now = "\"org.babble.core.model.layers." + layer + "\"";
            assertTrue(written.contains(now), () -> "the configuration names " + now + ":\n" + written);
            renamed = renamed.replace(now, "\"org.babble.core.model." + layer + "\"");
            String old = "org.babble.core.model." + layer;
            assertThrows(ClassNotFoundException.class, () -> Class.forName(old), "no class answers to " + old);
        }
        assertFalse(renamed.contains("org.babble.core.model.layers."), renamed);
        archive.put(FrozenModelFormat.CONFIGURATION, renamed.getBytes(StandardCharsets.UTF_8));
        entries.put(FrozenModelFormat.NETWORK, ModelZips.zip(archive));
        Path old = ModelZips.write(dir.resolve("old.babble"), entries);

        FrozenModel before = FrozenModelReader.read(current);
        FrozenModel after = FrozenModelReader.read(old);
        assertEquals(before.metadata(), after.metadata());
        var extractor = FeatureExtractors.create(TinyModels.FEATURES);
        for (String label : TinyModels.LABELS) {
            float[][] features = extractor.extract(TinyModels.sound(label, 9));
            assertArrayEquals(before.scores(features), after.scores(features), label);
        }
    }
}
