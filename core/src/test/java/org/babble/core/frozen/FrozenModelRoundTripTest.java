package org.babble.core.frozen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.babble.core.features.FeatureExtractors;
import org.babble.core.features.FeatureLayout;
import org.babble.core.recognition.OperatingPoint;
import org.babble.core.recognition.RecognitionSettings;
import org.babble.testing.TinyModels;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrozenModelRoundTripTest {
    @TempDir
    Path dir;

    private float[][][] someClips() {
        var extractor = FeatureExtractors.create(TinyModels.FEATURES);
        return new float[][][] {
            extractor.extract(TinyModels.sound("low", 1)),
            extractor.extract(TinyModels.sound("high", 2)),
            extractor.extract(TinyModels.sound("_silence_", 3)),
        };
    }

    @Test
    void multiLayerNetworkGivesIdenticalScoresAfterSaveAndLoad() {
        MultiLayerNetwork net = TinyModels.tones();
        ModelMetadata metadata = TinyModels.metadata(TinyModels.LABELS, FeatureLayout.FLAT);
        FrozenModel before = FrozenModel.of(net, metadata);
        Path file = dir.resolve("model.babble");
        FrozenModelWriter.write(file, net, metadata);
        FrozenModel after = FrozenModelReader.read(file);

        float[][][] clips = someClips();
        float[][] expected = before.scoresBatch(clips);
        float[][] actual = after.scoresBatch(clips);
        for (int i = 0; i < clips.length; i++) {
            assertArrayEquals(expected[i], actual[i], "clip " + i);
            assertArrayEquals(expected[i], after.scores(clips[i]), 1e-6f, "single clip " + i + " vs batch");
        }
        assertEquals(metadata, after.metadata());
    }

    @Test
    void calibrationRewritesTheMetadataAndKeepsTheNetworkByteForByte() throws IOException {
        ModelMetadata metadata = TinyModels.metadata(TinyModels.LABELS, FeatureLayout.FLAT);
        Path file = dir.resolve("model.babble");
        FrozenModelWriter.write(file, TinyModels.tones(), metadata);
        OperatingPoint point = new OperatingPoint(
                "high",
                250,
                new RecognitionSettings(750, 0.8, 2000, 3),
                1.0,
                15,
                1,
                0.4,
                2.5,
                List.of("night-1.wav"),
                "2026-12-02T10:00:00Z");
        Path calibrated = dir.resolve("calibrated.babble");
        FrozenModelWriter.rewriteMetadata(file, calibrated, metadata.withOperatingPoint(point));

        FrozenModel before = FrozenModelReader.read(file);
        FrozenModel after = FrozenModelReader.read(calibrated);
        assertEquals(null, before.metadata().operatingPoint());
        assertEquals(point, after.metadata().operatingPoint());
        assertEquals(metadata.withOperatingPoint(point), after.metadata());
        float[][][] clips = someClips();
        for (int i = 0; i < clips.length; i++) {
            assertArrayEquals(before.scores(clips[i]), after.scores(clips[i]), "clip " + i);
        }
    }

    @Test
    void metadataSurvivesTheRoundTrip() {
        ModelMetadata metadata = TinyModels.metadata(TinyModels.LABELS, FeatureLayout.FLAT);
        Path file = dir.resolve("model.babble");
        FrozenModelWriter.write(file, TinyModels.tones(), metadata);
        ModelMetadata read = FrozenModelReader.read(file).metadata();
        assertEquals(TinyModels.LABELS, read.labels());
        assertEquals(TinyModels.FEATURES, read.featureSettings());
        assertEquals(FeatureLayout.FLAT, read.featureLayout());
        assertEquals("tiny-dense", read.trainSettings().get("architecture").asText());
        assertEquals(metadata.provenance(), read.provenance());
    }

    @Test
    void modelIsInferenceOnlyWithoutUpdaterState() throws IOException {
        Path file = dir.resolve("model.babble");
        FrozenModelWriter.write(file, TinyModels.tones(), TinyModels.metadata(TinyModels.LABELS, FeatureLayout.FLAT));
        var entries = ModelZips.entries(file);
        assertEquals(List.of(FrozenModelFormat.METADATA, FrozenModelFormat.NETWORK), List.copyOf(entries.keySet()));
        var network = BoundedZip.readBytes(file, "network", entries.get(FrozenModelFormat.NETWORK), ZipLimits.DEFAULT);
        assertFalse(network.containsKey("updaterState.bin"), network.keySet().toString());
        assertTrue(network.containsKey(FrozenModelFormat.COEFFICIENTS));
    }

    @Test
    void writingIsAtomicAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("model.babble");
        FrozenModelWriter.write(file, TinyModels.tones(), TinyModels.metadata(TinyModels.LABELS, FeatureLayout.FLAT));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList());
        }
    }

    @Test
    void writerRefusesLabelsThatDoNotMatchTheOutputs() {
        ModelMetadata twoLabels = TinyModels.metadata(List.of("a", "b"), FeatureLayout.FLAT);
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> FrozenModelWriter.write(dir.resolve("m.babble"), TinyModels.tones(), twoLabels));
        assertTrue(e.getMessage().contains("3 outputs"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("m.babble")));
    }
}
