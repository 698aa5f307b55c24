package org.babble.core.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.babble.core.BabbleException;
import org.babble.core.BabbleVersion;
import org.babble.core.frozen.ModelMetadata;
import org.babble.core.frozen.Provenance;

/**
 * Reads {@code babble train}'s checkpoints for {@code babble freeze}: the network, and the metadata a frozen model
 * carries (labels, feature settings and layout, training settings) plus provenance gathered from the train dir: the
 * validation and test accuracy in {@code train_log.jsonl} and how many clips the data folder holds.
 */
public final class TrainingCheckpoints {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainingCheckpoints() {}

    /**
     * Reads {@code fileOrTrainDir}: a checkpoint file, or a training folder, in which case its best checkpoint (highest
     * validation accuracy) or, lacking that, its last one. Failures are {@link BabbleException}s naming the file.
     */
    public static TrainedModel read(Path fileOrTrainDir) {
        Path file = CheckpointFolder.resolve(fileOrTrainDir, true);
        Checkpoint checkpoint = Checkpoint.read(file);
        CheckpointState state = checkpoint.state();
        TrainSettings settings = state.trainSettings();
        JsonNode settingsJson = JSON.valueToTree(settings);
        Path trainDir = file.toAbsolutePath().getParent();
        Double validation = state.bestValidationAccuracy() >= 0 ? state.bestValidationAccuracy() : null;
        Provenance provenance = Provenance.now(
                settings.dataDir(),
                countClips(settings.dataDir()),
                RunCommandLine.of(state.configuration()),
                validation,
                lastTestAccuracy(trainDir),
                BabbleVersion.get());
        ModelMetadata metadata = new ModelMetadata(
                state.labels(),
                state.featureSettings(),
                settings.architecture().layout(),
                settingsJson,
                provenance,
                state.configuration().isComplete() ? JSON.valueToTree(state.configuration()) : null);
        return new TrainedModel(file, checkpoint.network(), metadata);
    }

    /**
     * The accuracy of the last {@code "type":"test"} line of the train dir's log, or null when training never reached
     * its test or the log cannot be read (provenance is best effort: a model still freezes).
     */
    private static Double lastTestAccuracy(Path trainDir) {
        Double found = null;
        try {
            for (JsonNode node : TrainingLog.read(trainDir)) {
                if (node != null && "test".equals(node.path("type").asText()) && node.has("accuracy")) {
                    found = node.get("accuracy").asDouble();
                }
            }
        } catch (BabbleException e) {
            return null;
        }
        return found;
    }

    /** WAV files under the data folder now, or 0 when it is gone (a model may be frozen on another machine). */
    private static long countClips(String dataDir) {
        if (dataDir == null || dataDir.isEmpty() || !Files.isDirectory(Path.of(dataDir))) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(Path.of(dataDir))) {
            return files.filter(p ->
                            p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav"))
                    .count();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
