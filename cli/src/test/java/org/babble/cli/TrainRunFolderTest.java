package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavWriter;
import org.babble.core.train.Checkpoint;
import org.babble.core.train.CheckpointFolder;
import org.babble.core.train.RunConfiguration;
import org.babble.testing.Signals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A train dir holds one run: a fresh run refuses a folder with another run's checkpoints (unless --force, which
 * deletes them first), and a resumed run keeps the configuration its checkpoint saved, refusing flags that contradict
 * it. Two tones and a single fully connected layer keep each training to seconds.
 */
class TrainRunFolderTest {
    private static final int RATE = 8000;

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeTones() {
        for (int i = 0; i < 30; i++) {
            tone("low", 300 * (1 + 0.01 * i), i);
            tone("high", 1500 * (1 + 0.01 * i), i);
        }
    }

    private static void tone(String label, double hz, int i) {
        float[] samples = Signals.sine(hz, 0.3, RATE, RATE);
        WavWriter.write(
                dir.resolve("data").resolve(label).resolve(label + "-" + i + "_nohash_0.wav"),
                AudioClip.mono(RATE, samples));
    }

    /** A short run into {@code trainDir} with {@code extra} flags, expected to exit {@code code}. */
    private static CliRun train(Path trainDir, int code, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "train",
                "--data_dir",
                dir.resolve("data").toString(),
                "--wanted_words",
                "low,high",
                "--sample_rate",
                String.valueOf(RATE),
                "--model_architecture",
                "single_fc",
                "--batch_size",
                "16",
                "--eval_step_interval",
                "10",
                "--save_step_interval",
                "5",
                "--validation_percentage",
                "20",
                "--testing_percentage",
                "20",
                "--train_dir",
                trainDir.toString(),
                "--quiet"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new)).expectExit(code);
    }

    private static RunConfiguration configurationIn(Path checkpoint) {
        return Checkpoint.read(checkpoint).state().configuration();
    }

    @Test
    void aFreshRunRefusesAFolderHoldingAnotherRunsCheckpoints() {
        Path trainDir = dir.resolve("used");
        train(trainDir, ExitCode.OK, "--how_many_training_steps", "10,5");

        CliRun again = train(trainDir, ExitCode.USAGE, "--how_many_training_steps", "10,5");

        assertEquals(1, again.err().lines().count(), again.err());
        assertTrue(
                again.err()
                        .startsWith("babble: --train-dir " + trainDir + " holds another run's checkpoints;"
                                + " resume that run with --start-checkpoint " + trainDir
                                + ", train into another --train-dir, or pass"
                                + " --force to delete them first"),
                again.err());
        assertTrue(Files.isRegularFile(trainDir.resolve("ckpt-15.zip")), "the old run is left as it was");
    }

    @Test
    void forceDeletesTheOldRunsCheckpointsBeforeTraining() {
        Path trainDir = dir.resolve("forced");
        train(trainDir, ExitCode.OK, "--how_many_training_steps", "20,5", "--gain-db", "6");

        train(trainDir, ExitCode.OK, "--how_many_training_steps", "8,2", "--force");

        assertEquals(
                List.of(trainDir.resolve("ckpt-5.zip"), trainDir.resolve("ckpt-10.zip")),
                new CheckpointFolder(trainDir, Integer.MAX_VALUE).steps(),
                "only the new run's checkpoints");
        RunConfiguration best = configurationIn(trainDir.resolve(CheckpointFolder.BEST));
        assertEquals(List.of(8, 2), best.training().howManyTrainingSteps());
        assertEquals(12, best.augmentation().gainDb(), "best.zip is the new run's too");
    }

    @Test
    void aResumedRunKeepsItsConfigurationAndRefusesAFlagThatContradictsIt() {
        Path trainDir = dir.resolve("resumed");
        train(trainDir, ExitCode.OK, "--how_many_training_steps", "10,5", "--gain-db", "6", "--time-masks", "1");
        Path checkpoint = trainDir.resolve("ckpt-10.zip");
        RunConfiguration saved = configurationIn(checkpoint);

        CliRun contradicted =
                train(trainDir, ExitCode.USAGE, "--start-checkpoint", checkpoint.toString(), "--gain-db", "3");
        assertTrue(
                contradicted
                        .err()
                        .startsWith("babble: --gain-db: the run in " + checkpoint + " has 6.0, the"
                                + " command line 3.0; leave the flag out (a resumed run keeps its configuration) or start a fresh"
                                + " run with --force"),
                contradicted.err());

        // restating a setting is fine, and flags left out (here --time-masks, default 2) do not change the run
        train(trainDir, ExitCode.OK, "--start-checkpoint", checkpoint.toString(), "--gain-db", "6");
        RunConfiguration resumed = configurationIn(trainDir.resolve("ckpt-15.zip"));
        assertEquals(saved, resumed);
        assertEquals(1, resumed.augmentation().timeMasks());
    }

    @Test
    void aResumedRunMayLengthenItsLastPhaseButNotChangeTheOthers() {
        Path trainDir = dir.resolve("longer");
        train(trainDir, ExitCode.OK, "--how_many_training_steps", "10,5");
        Path last = trainDir.resolve("ckpt-15.zip");

        CliRun shorter = train(
                trainDir, ExitCode.USAGE, "--start-checkpoint", last.toString(), "--how_many_training_steps", "5,10");
        assertTrue(
                shorter.err()
                        .startsWith("babble: --how_many_training_steps: the run in " + last + " has 10,5,"
                                + " the command line 5,10 (a resumed run may only lengthen its last phase)"),
                shorter.err());

        train(trainDir, ExitCode.OK, "--start-checkpoint", last.toString(), "--how_many_training_steps", "10,10");
        RunConfiguration longer = configurationIn(trainDir.resolve("ckpt-20.zip"));
        assertEquals(List.of(10, 10), longer.training().howManyTrainingSteps());
        assertEquals(
                configurationIn(last)
                        .withSteps(List.of(10, 10), longer.training().learningRates()),
                longer);
    }

    @Test
    void aCheckpointFromBeforeTheConfigurationFreezesButIsNotResumed() throws Exception {
        Path trainDir = dir.resolve("legacy");
        train(trainDir, ExitCode.OK, "--how_many_training_steps", "10,5");
        Path checkpoint = trainDir.resolve("ckpt-15.zip");
        writeAsBeforeTheConfiguration(checkpoint);

        CliRun resumed = train(trainDir, ExitCode.FAILED, "--start-checkpoint", checkpoint.toString());
        assertTrue(
                resumed.err().contains("did not save the run's augmentation, so it cannot be resumed exactly"),
                resumed.err());

        Path model = dir.resolve("legacy.babble");
        CliRun.of("freeze", "--start-checkpoint", checkpoint.toString(), "--output-file", model.toString())
                .expectExit(ExitCode.OK);
        String info =
                CliRun.of("info", model.toString()).expectExit(ExitCode.OK).out();
        assertTrue(info.contains("--model-architecture=single_fc") && !info.contains("--gain-db"), info);
    }

    /** Rewrites the checkpoint's state as babble wrote it before: training and feature settings, no configuration. */
    private static void writeAsBeforeTheConfiguration(Path checkpoint) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(checkpoint))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        ObjectNode state = (ObjectNode) json.readTree(entries.get("state.json"));
        JsonNode configuration = state.remove("configuration");
        state.set("featureSettings", configuration.get("features"));
        state.set("trainSettings", configuration.get("training"));
        entries.put("state.json", json.writeValueAsBytes(state));
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(checkpoint))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    @Test
    void forceAndStartCheckpointTogetherAreAUsageError() {
        CliRun run = train(dir.resolve("both"), ExitCode.USAGE, "--force", "--start-checkpoint", dir.toString());
        assertFalse(run.err().isEmpty());
        assertTrue(run.err().contains("give one of them"), run.err());
    }
}
