package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.babble.core.train.Checkpoint;
import org.babble.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code babble train} end to end on the shared recordings, with default settings: the quality bar of issue 7. Each
 * test trains once (a few minutes on two cores) and checks everything the run leaves behind.
 */
class TrainCommandTest {
    private static final Pattern FINAL = Pattern.compile("Final test accuracy = ([0-9.]+)% \\(N=(\\d+)\\)");

    @TempDir
    Path dir;

    @Test
    void nurseryWithDefaultsReaches88PercentOnTheTestSplit() throws Exception {
        NurseryModel.Trained nursery = NurseryModel.get();
        Path data = SharedData.require("nursery");
        CliRun run = nursery.train();
        Path trainDir = nursery.trainDir();

        double accuracy = finalAccuracy(run);
        // Seed 1 with the defaults: 25 of 27 (92.6%). With two SpecAugment masks it was 24 of 27, the misses ESC-50
        // noise and room_empty confused with each other: PCEN divides steady sounds out, which brings those two classes
        // closer. This split held 27 of 27 with the log and two masks (85-93% on seeds 2 and 3), when the model found
        // 78.5% of the phone cries it never heard, not 93.7% (docs/train.md). The figure that matters is on unseen
        // recordings (NurseryCrossSourceTest, issue 14); this one is held a clip below what was measured.
        assertTrue(accuracy >= 88.0, "nursery test accuracy " + accuracy + "%\n" + run.out());
        assertTrue(run.err().contains("augmented on mel bands"), run.err());
        assertTrue(run.err().contains("architecture tc_resnet"), run.err());
        assertTrue(run.err().contains("multiply-adds per clip"), run.err());
        assertTrue(run.err().contains("Validation accuracy = "), run.err());
        assertTrue(run.err().contains("laughing: all 88 clips come from 1 recording"), run.err());
        assertEquals(
                List.of("_silence_", "_unknown_", "crying", "laughing", "noise", "room_empty"),
                Files.readAllLines(trainDir.resolve("labels.txt")));
        Checkpoint best = Checkpoint.read(trainDir.resolve("best.zip"));
        assertEquals(22050, best.state().featureSettings().sampleRate());
        assertTrue(Files.size(trainDir.resolve("confusion.png")) > 1000);

        // evaluate measures the same best checkpoint on the same test split, so it must agree with train's last line
        CliRun evaluated = CliRun.of(
                        "evaluate",
                        "--model",
                        trainDir.toString(),
                        "--data-dir",
                        data.toString(),
                        "--positive",
                        "crying",
                        "--plot",
                        dir.resolve("eval.png").toString())
                .expectExit(0);
        Matcher m = Pattern.compile("Accuracy = ([0-9.]+)% \\(N=(\\d+)\\)").matcher(evaluated.out());
        assertTrue(m.find(), evaluated.out());
        assertEquals(accuracy, Double.parseDouble(m.group(1)), 1e-9, evaluated.out());
        Matcher auc = Pattern.compile("crying: AUC ([0-9.]+)").matcher(evaluated.out());
        assertTrue(auc.find(), evaluated.out());
        assertTrue(Double.parseDouble(auc.group(1)) > 0.85, evaluated.out());
        assertTrue(Files.size(dir.resolve("eval.png")) > 1000);
    }

    @Test
    void speechWithDefaultsReaches94PercentOnTheTestSplit() throws Exception {
        Path data = SharedData.require("speech");
        CliRun run = CliRun.of(
                        "train",
                        "--data-dir",
                        data.toString(),
                        "--wanted-words",
                        "bed,cat,happy",
                        "--train-dir",
                        dir.resolve("speech").toString())
                .expectExit(0);

        double accuracy = finalAccuracy(run);
        // 96.4% (132 of 137) when the defaults were chosen; 94.9% (130 of 137) on 2026-12-02 with main unchanged
        assertTrue(accuracy >= 94.0, "speech test accuracy " + accuracy + "%\n" + run.out());
    }

    @Test
    void anUnknownAugmentationDomainNamesTheChoices() {
        CliRun run = CliRun.of("train", "--data_dir", dir.toString(), "--augment-on", "spectrum")
                .expectExit(ExitCode.USAGE);
        assertTrue(run.err().contains("auto, bands or audio"), run.err());
    }

    @Test
    void aPauseProbabilityAboveOneIsAUsageErrorNamingTheSetting() {
        CliRun run = CliRun.of("train", "--data_dir", dir.toString(), "--pause-probability", "1.5")
                .expectExit(ExitCode.USAGE);
        assertTrue(run.err().contains("pauseProbability (0 to 1): 1.5"), run.err());
    }

    @Test
    void aDataUrlIsAUsageError() {
        CliRun run = CliRun.of("train", "--data_url=http://example.com/x.tgz", "--data_dir", dir.toString())
                .expectExit(ExitCode.USAGE);
        assertTrue(run.err().contains("downloads nothing"), run.err());
    }

    @Test
    void anUnknownArchitectureNamesTheChoices() {
        CliRun run = CliRun.of("train", "--data_dir", dir.toString(), "--model_architecture", "resnet50")
                .expectExit(ExitCode.USAGE);
        assertTrue(run.err().contains("tc_resnet") && run.err().contains("low_latency_conv"), run.err());
    }

    @Test
    void helpSaysTheDefaultNetworkHasNoResidualAdds() {
        String help = CliRun.of("train", "--help").expectExit(ExitCode.OK).out().replaceAll("\\s+", " ");
        assertTrue(
                help.contains("tc_resnet is TC-ResNet's stack of temporal convolutions without its residual adds"),
                help);
    }

    @Test
    void mismatchedLearningRatesNameTheField() {
        CliRun run = CliRun.of(
                        "train",
                        "--data_dir",
                        dir.toString(),
                        "--how_many_training_steps=400,50",
                        "--learning_rate=0.001")
                .expectExit(ExitCode.USAGE);
        assertTrue(run.err().contains("learningRates"), run.err());
    }

    private static double finalAccuracy(CliRun run) {
        Matcher m = FINAL.matcher(run.out());
        assertTrue(m.find(), "no final test accuracy line in stdout:\n" + run.out() + "\n" + run.err());
        assertTrue(Integer.parseInt(m.group(2)) > 0);
        return Double.parseDouble(m.group(1));
    }
}
