package org.babble.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.babble.testing.SharedData;

/**
 * One model trained on {@code ../shared/data/nursery} with {@code babble train}'s defaults and frozen with
 * {@code babble freeze}, made once per test JVM and shared by every test that needs a real detector (training a model
 * takes minutes on two cores). Each build trains afresh, so the tests always judge the current code.
 */
final class NurseryModel {
    static final String WANTED = "crying,laughing,noise,room_empty";
    private static Trained trained;

    /** The training run's output and the frozen model. */
    record Trained(CliRun train, Path trainDir, Path model) {}

    private NurseryModel() {}

    /** Trains and freezes on first use; skips the calling test when the shared data is absent. */
    static synchronized Trained get() {
        Path data = SharedData.require("nursery");
        if (trained == null) {
            Path root = Path.of("target", "nursery-model").toAbsolutePath();
            deleteTree(root);
            Path trainDir = root.resolve("train");
            CliRun train = CliRun.of(
                            "train",
                            "--data_url=",
                            "--data_dir=" + data,
                            "--wanted_words=" + WANTED,
                            "--sample_rate=22050",
                            "--clip_duration_ms=5000",
                            "--train_dir=" + trainDir)
                    .expectExit(0);
            Path model = root.resolve("nursery.babble");
            CliRun.of("freeze", "--start-checkpoint", trainDir.toString(), "--output-file", model.toString())
                    .expectExit(0);
            trained = new Trained(train, trainDir, model);
        }
        return trained;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
