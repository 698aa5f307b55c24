package org.babble.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.babble.core.BabbleException;
import org.babble.core.features.FeatureSettings;
import org.babble.core.frozen.FrozenModel;
import org.babble.core.frozen.FrozenModelReader;
import org.babble.core.frozen.FrozenModelWriter;
import org.babble.core.frozen.ModelMetadata;
import org.babble.core.model.Architecture;
import org.babble.core.model.ModelShape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code babble freeze} reads from a real training run, and that the frozen model scores as the checkpoint. */
class TrainingCheckpointsTest {
    private static final FeatureSettings FEATURES =
            new FeatureSettings(1000, 210, 30, 10, 12, FeatureSettings.Preprocess.MFCC, 20, 400, 40);
    private static final List<String> LABELS = List.of("_silence_", "_unknown_", "a", "b");

    @TempDir
    static Path dir;

    @BeforeAll
    static void train() {
        TrainSettings settings = TrainSettings.defaults()
                .withSteps(List.of(30, 10), List.of(0.01, 0.001))
                .withIntervals(32, 20, 20)
                .withSeed(7);
        ModelShape shape = new ModelShape(FEATURES.frameCount(), FEATURES.binsPerFrame(), LABELS.size());
        new Trainer(
                        new RunConfiguration(settings, FEATURES, RunConfiguration.Augmentation.NONE),
                        LABELS,
                        new SeparablePatterns(shape, settings.architecture().layout(), 3),
                        dir.resolve("train"))
                .train();
    }

    @Test
    void aTrainDirMeansItsBestCheckpoint() {
        var read = TrainingCheckpoints.read(dir.resolve("train"));
        assertEquals(
                dir.resolve("train").resolve(CheckpointFolder.BEST).toAbsolutePath(),
                read.path().toAbsolutePath());
        ModelMetadata metadata = read.metadata();
        assertEquals(LABELS, metadata.labels());
        assertEquals(FEATURES, metadata.featureSettings());
        assertEquals(Architecture.DEFAULT.layout(), metadata.featureLayout());
        assertEquals("TC_RESNET", metadata.trainSettings().get("architecture").asText());
        assertNotNull(metadata.provenance().validationAccuracy(), "validation accuracy from the checkpoint");
        assertNotNull(metadata.provenance().testAccuracy(), "test accuracy from train_log.jsonl");
        assertTrue(
                metadata.provenance().flags().contains("--batch-size=32"),
                metadata.provenance().flags().toString());
        assertTrue(
                metadata.provenance().flags().contains("--model-architecture=tc_resnet"),
                metadata.provenance().flags().toString());
        assertEquals(
                32,
                metadata.configuration().path("training").path("batchSize").asInt(),
                "the run's whole configuration travels into the model");
    }

    @Test
    void aCheckpointCarryingASerializedJavaObjectIsRefusedUnread(@TempDir Path elsewhere) throws Exception {
        Path original = dir.resolve("train").resolve("ckpt-40.zip");
        Map<String, byte[]> outer = unzip(Files.readAllBytes(original));
        Map<String, byte[]> network = unzip(outer.get(Checkpoint.NETWORK_ENTRY));
        ByteArrayOutputStream object = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(object)) {
            out.writeObject(new ArrayList<>(List.of("payload")));
        }
        network.put("preprocessor.bin", object.toByteArray());
        outer.put(Checkpoint.NETWORK_ENTRY, zip(network));
        Path hostile = elsewhere.resolve("ckpt-40.zip");
        Files.write(hostile, zip(outer));
        BabbleException e = assertThrows(BabbleException.class, () -> Checkpoint.read(hostile));
        assertTrue(e.getMessage().startsWith(hostile + ": refusing entry 'preprocessor.bin'"), e.getMessage());
        assertEquals(40, Checkpoint.read(original).state().step(), "babble's own checkpoints still load");
    }

    private static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var out = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void aTornTrainingLogStillFreezesWithoutATestAccuracy(@TempDir Path elsewhere) throws Exception {
        Path copy = elsewhere.resolve("train");
        Files.createDirectories(copy);
        Files.copy(dir.resolve("train").resolve("ckpt-40.zip"), copy.resolve("ckpt-40.zip"));
        Files.writeString(copy.resolve(TrainingLog.FILE), "{\"type\":\"test\",\"accuracy\":0.9");
        ModelMetadata metadata =
                TrainingCheckpoints.read(copy.resolve("ckpt-40.zip")).metadata();
        assertEquals(null, metadata.provenance().testAccuracy());
        assertEquals(LABELS, metadata.labels());
    }

    @Test
    void aFrozenModelScoresWithinOneInAHundredThousandOfItsCheckpoint() {
        Path ckpt = dir.resolve("train").resolve("ckpt-40.zip");
        var checkpoint = TrainingCheckpoints.read(ckpt);
        Path file = dir.resolve("model.babble");
        FrozenModelWriter.write(file, checkpoint.network(), checkpoint.metadata());
        FrozenModel frozen = FrozenModelReader.read(file);
        FrozenModel direct = FrozenModel.of(Checkpoint.read(ckpt).network(), checkpoint.metadata());
        Random random = new Random(3);
        for (int clip = 0; clip < 5; clip++) {
            float[][] features = new float[FEATURES.frameCount()][FEATURES.binsPerFrame()];
            for (float[] row : features) {
                for (int b = 0; b < row.length; b++) {
                    row[b] = (float) random.nextGaussian();
                }
            }
            float[] expected = direct.scores(features);
            float[] actual = frozen.scores(features);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-5, "clip " + clip + " score " + i);
            }
        }
    }

    @Test
    void aFolderWithoutCheckpointsIsRefusedClearly() {
        BabbleException e = assertThrows(BabbleException.class, () -> TrainingCheckpoints.read(dir));
        assertTrue(e.getMessage().contains("no checkpoint in this folder"), e.getMessage());
    }
}
