package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavWriter;
import org.babble.core.features.FeatureExtractors;
import org.babble.core.frozen.FrozenModel;
import org.babble.core.frozen.FrozenModelReader;
import org.babble.core.train.Checkpoint;
import org.babble.core.train.CheckpointFolder;
import org.babble.testing.Signals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code babble freeze} on the checkpoints {@code babble train} wrote: one short run of a single fully connected layer
 * on two tones, trained once for all the tests (a few seconds), saving {@code ckpt-5.zip}, {@code ckpt-10.zip},
 * {@code ckpt-15.zip} and {@code best.zip}.
 */
class FreezeCommandTest {
    private static final int RATE = 8000;
    /** The run's feature settings, as TF's freeze.py flags spell them. */
    private static final List<String> FEATURE_FLAGS = List.of(
            "--sample_rate=" + RATE,
            "--clip_duration_ms=1000",
            "--window_size_ms=30",
            "--window_stride_ms=20",
            "--feature_bin_count=20",
            "--preprocess=logmel");

    @TempDir
    static Path dir;

    static Path trainDir;

    @BeforeAll
    static void trainARun() {
        for (int i = 0; i < 20; i++) {
            tone("low", 300 * (1 + 0.01 * i), i);
            tone("high", 1500 * (1 + 0.01 * i), i);
        }
        trainDir = dir.resolve("train");
        List<String> args = new ArrayList<>(List.of(
                "train",
                "--data_dir=" + dir.resolve("data"),
                "--wanted_words=low,high",
                "--model_architecture=single_fc",
                "--how_many_training_steps=10,5",
                "--batch_size=16",
                "--eval_step_interval=5",
                "--save_step_interval=5",
                "--validation_percentage=20",
                "--testing_percentage=20",
                "--train_dir=" + trainDir,
                "--quiet"));
        args.addAll(FEATURE_FLAGS);
        CliRun.of(args.toArray(String[]::new)).expectExit(ExitCode.OK);
    }

    private static void tone(String label, double hz, int i) {
        WavWriter.write(
                dir.resolve("data").resolve(label).resolve(label + "-" + i + "_nohash_0.wav"),
                AudioClip.mono(RATE, Signals.sine(hz, 0.3, RATE, RATE)));
    }

    /** The frozen model's scores equal those of the checkpoint's own network, on both tones and on faint noise. */
    private static void assertScoresAs(Path checkpoint, Path model) {
        FrozenModel frozen = FrozenModelReader.read(model);
        FrozenModel direct = FrozenModel.of(Checkpoint.read(checkpoint).network(), frozen.metadata());
        var extractor = FeatureExtractors.create(frozen.metadata().featureSettings());
        List<float[]> clips = List.of(
                Signals.noise(0.003, 5, RATE), Signals.sine(310, 0.3, RATE, RATE), Signals.sine(1520, 0.3, RATE, RATE));
        for (int c = 0; c < clips.size(); c++) {
            float[][] features = extractor.extract(clips.get(c));
            float[] expected = direct.scores(features);
            float[] actual = frozen.scores(features);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-5, "clip " + c + " score " + i);
            }
        }
    }

    /** {@code babble freeze} of {@code checkpoint} (a file, folder or TF-style name) into {@code output}. */
    private static CliRun freeze(Path checkpoint, Path output, int exit, String... flags) {
        List<String> args =
                new ArrayList<>(List.of("freeze", "--start_checkpoint=" + checkpoint, "--output_file=" + output));
        args.addAll(List.of(flags));
        return CliRun.of(args.toArray(String[]::new)).expectExit(exit);
    }

    @Test
    void frozenModelScoresAsTheCheckpointDoes() {
        Path output = dir.resolve("model.babble");
        Path checkpoint = trainDir.resolve("ckpt-15.zip");
        CliRun run = freeze(checkpoint, output, ExitCode.OK);
        assertEquals(output + "\n", run.out());
        assertTrue(
                run.err().contains("babble: froze " + checkpoint + " (4 labels: _silence_, _unknown_, low, high)"),
                run.err());
        assertScoresAs(checkpoint, output);
    }

    @Test
    void aTrainingFolderFreezesItsChosenCheckpoint() {
        Path output = dir.resolve("from-dir.babble");
        Path best = trainDir.resolve(CheckpointFolder.BEST);
        assertTrue(Files.isRegularFile(best), "the run saved its best checkpoint");
        CliRun run = CliRun.of("freeze", "--start-checkpoint", trainDir.toString(), "--output-file", output.toString())
                .expectExit(ExitCode.OK);
        assertTrue(run.err().contains("babble: froze " + best + " "), run.err());
        assertScoresAs(best, output);
    }

    @Test
    void matchingTensorFlowFlagsAreAccepted() {
        Path output = dir.resolve("flags.babble");
        List<String> flags = new ArrayList<>(List.of("--wanted_words=low,high", "--model_architecture=single_fc"));
        flags.addAll(FEATURE_FLAGS);
        freeze(trainDir.resolve("ckpt-5.zip"), output, ExitCode.OK, flags.toArray(String[]::new));
        assertTrue(Files.isRegularFile(output));
    }

    @Test
    void aTensorFlowCheckpointNameFreezesBabblesCheckpointOfThatStep() {
        Path output = dir.resolve("tf-name.babble");
        CliRun run = freeze(trainDir.resolve("single_fc.ckpt-10"), output, ExitCode.OK);
        assertTrue(run.err().contains("babble: froze " + trainDir.resolve("ckpt-10.zip")), run.err());
        assertScoresAs(trainDir.resolve("ckpt-10.zip"), output);
    }

    @Test
    void contradictingFlagsAreAnErrorAndWriteNothing() {
        Path output = dir.resolve("contradiction.babble");
        Path checkpoint = trainDir.resolve("ckpt-5.zip");
        CliRun run = freeze(checkpoint, output, ExitCode.FAILED, "--sample_rate=16000", "--wanted_words=yes,no");
        assertEquals(
                List.of("babble: " + checkpoint + ": --sample_rate=16000 but the checkpoint has 8000;"
                        + " --wanted_words=yes,no but the checkpoint was trained on low,high (yes, no are not among its words;"
                        + " low, high are missing) — leave those flags out (the checkpoint carries its own settings), or point"
                        + " --start_checkpoint at the run they describe"),
                run.err().lines().toList());
        assertFalse(Files.exists(output));
        assertEquals(List.of(), run.out().lines().toList());
    }

    @Test
    void anotherArchitectureIsAContradiction() {
        CliRun run = freeze(
                trainDir.resolve("ckpt-5.zip"),
                dir.resolve("conv.babble"),
                ExitCode.FAILED,
                "--model-architecture",
                "conv");
        assertTrue(
                run.err()
                        .contains("--model-architecture=conv but the checkpoint is a single_fc network — leave"
                                + " that flag out"),
                run.err());
    }

    @Test
    void wantedWordsInAnotherOrderAreSaidToBeSo() {
        CliRun run = freeze(
                trainDir.resolve("ckpt-5.zip"),
                dir.resolve("order.babble"),
                ExitCode.FAILED,
                "--wanted-words",
                "high,low");
        assertTrue(
                run.err()
                        .contains("--wanted-words=high,low but the checkpoint was trained on low,high (the same"
                                + " words in another order) — leave that flag out"),
                run.err());
    }

    @Test
    void tensorFlowsOtherFlagsAreAcceptedAndNamedInOneNote() {
        Path output = dir.resolve("ignored.babble");
        CliRun run = freeze(
                trainDir.resolve("ckpt-5.zip"),
                output,
                ExitCode.OK,
                "--data_dir=./data",
                "--data_url=",
                "--how_many_training_steps=1400,300",
                "--quantize",
                "--clip_stride_ms=30",
                "--save_format=saved_model");
        assertTrue(
                run.err()
                        .contains("babble: ignored --data_dir, --data_url (the checkpoint carries the labels and"
                                + " settings it needs); --how_many_training_steps (training flags: the checkpoint is already trained);"
                                + " --quantize (babble models stay 32-bit float"),
                run.err());
        assertTrue(
                run.err().contains("--clip_stride_ms (how often to listen is set by classify --hop and monitor"),
                run.err());
        assertTrue(run.err().contains("--save_format (babble writes its own model file"), run.err());
        assertTrue(Files.exists(output));
    }

    @Test
    void anUnknownFlagIsOneLineWithTheHelpHint() {
        CliRun run = freeze(
                trainDir.resolve("ckpt-5.zip"), dir.resolve("unknown.babble"), ExitCode.USAGE, "--no_such_flag=1");
        assertEquals(
                List.of("babble: Unknown option: '--no_such_flag=1' (see 'babble freeze --help')"),
                run.err().lines().toList());
    }
}
