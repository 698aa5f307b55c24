package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.babble.core.features.FeatureExtractors;
import org.babble.core.features.FeatureLayout;
import org.babble.core.train.TrainedModel;
import org.babble.core.frozen.FrozenModel;
import org.babble.core.frozen.FrozenModelReader;
import org.babble.core.frozen.ModelMetadata;
import org.babble.testing.TinyModels;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** babble freeze with checkpoints served by {@link TestCheckpoints} in place of the trainer's reader. */
class FreezeCommandTest {
    @TempDir
    static Path dir;
    static Path trainDir;
    static ComputationGraph last;

    @BeforeAll
    static void registerCheckpoints() {
        trainDir = dir.resolve("train");
        ModelMetadata metadata = TinyModels.metadata(TinyModels.LABELS, FeatureLayout.CHANNELS);
        TestCheckpoints.register(new TrainedModel(trainDir.resolve("ckpt-100"), TinyModels.channelsGraph(3), metadata));
        last = TinyModels.channelsGraph(3);
        last.params().addi(0.01);
        TestCheckpoints.register(new TrainedModel(trainDir.resolve("ckpt-450"), last, metadata));
    }

    @Test
    void frozenModelScoresAsTheCheckpointDoes() {
        Path output = dir.resolve("model.babble");
        CliRun run = CliRun.of("freeze", "--start_checkpoint=" + trainDir.resolve("ckpt-450"),
                "--output_file=" + output).expectExit(ExitCode.OK);
        assertEquals(output + "\n", run.out());
        FrozenModel frozen = FrozenModelReader.read(output);
        FrozenModel checkpoint = FrozenModel.of(last, frozen.metadata());
        var extractor = FeatureExtractors.create(TinyModels.FEATURES);
        for (String label : TinyModels.LABELS) {
            float[][] features = extractor.extract(TinyModels.sound(label, 42));
            float[] expected = checkpoint.scores(features);
            float[] actual = frozen.scores(features);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-5, label + " score " + i);
            }
        }
    }

    @Test
    void aTrainingFolderFreezesItsChosenCheckpoint() {
        Path output = dir.resolve("from-dir.babble");
        CliRun.of("freeze", "--start-checkpoint", trainDir.toString(), "--output-file", output.toString())
                .expectExit(ExitCode.OK);
        assertTrue(Files.exists(output));
    }

    @Test
    void matchingTensorFlowFlagsAreAccepted() {
        Path output = dir.resolve("flags.babble");
        CliRun.of("freeze", "--start_checkpoint=" + trainDir.resolve("ckpt-100"), "--output_file=" + output,
                "--sample_rate=8000", "--clip_duration_ms=1000", "--window_size_ms=30", "--window_stride_ms=20",
                "--feature_bin_count=20", "--preprocess=logmel", "--wanted_words=low,high").expectExit(ExitCode.OK);
    }

    @Test
    void contradictingFlagsAreAnErrorAndWriteNothing() {
        Path output = dir.resolve("contradiction.babble");
        CliRun run = CliRun.of("freeze", "--start_checkpoint=" + trainDir.resolve("ckpt-100"), "--output_file=" + output,
                "--sample_rate=16000", "--wanted_words=yes,no").expectExit(ExitCode.FAILED);
        assertEquals(List.of("babble: " + trainDir.resolve("ckpt-100") + ": --sample_rate=16000 but the checkpoint has"
                + " 8000; --wanted_words=yes,no but the checkpoint was trained on low,high (yes, no are not among its"
                + " words; low, high are missing) — leave those flags out (the checkpoint carries its own settings), or"
                + " point --start_checkpoint at the run they describe"), run.err().lines().toList());
        assertFalse(Files.exists(output));
        assertEquals(List.of(), run.out().lines().toList());
    }

    @Test
    void wantedWordsInAnotherOrderAreSaidToBeSo() {
        CliRun run = CliRun.of("freeze", "--start-checkpoint", trainDir.resolve("ckpt-100").toString(),
                "--output-file", dir.resolve("order.babble").toString(), "--wanted-words", "high,low")
                .expectExit(ExitCode.FAILED);
        assertTrue(run.err().contains("--wanted-words=high,low but the checkpoint was trained on low,high (the same"
                + " words in another order) — leave that flag out"), run.err());
    }

    @Test
    void tensorFlowsOtherFlagsAreAcceptedAndNamedInOneNote() {
        Path output = dir.resolve("ignored.babble");
        CliRun run = CliRun.of("freeze", "--start_checkpoint=" + trainDir.resolve("ckpt-100"), "--output_file=" + output,
                "--data_dir=./data", "--data_url=", "--how_many_training_steps=1400,300", "--quantize",
                "--clip_stride_ms=30", "--save_format=saved_model").expectExit(ExitCode.OK);
        assertTrue(run.err().contains("babble: ignored --data_dir, --data_url (the checkpoint carries the labels and"
                + " settings it needs); --how_many_training_steps (training flags: the checkpoint is already trained);"
                + " --quantize (babble models stay 32-bit float"), run.err());
        assertTrue(run.err().contains("--clip_stride_ms (how often to listen is set by classify --hop and monitor"),
                run.err());
        assertTrue(run.err().contains("--save_format (babble writes its own model file"), run.err());
        assertTrue(Files.exists(output));
    }

    @Test
    void anUnknownFlagIsOneLineWithTheHelpHint() {
        CliRun run = CliRun.of("freeze", "--start_checkpoint=" + trainDir.resolve("ckpt-100"), "--no_such_flag=1")
                .expectExit(ExitCode.USAGE);
        assertEquals(List.of("babble: Unknown option: '--no_such_flag=1' (see 'babble freeze --help')"),
                run.err().lines().toList());
    }
}
