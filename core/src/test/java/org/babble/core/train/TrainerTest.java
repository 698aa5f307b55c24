package org.babble.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.babble.core.features.FeatureSettings;
import org.babble.core.model.Architecture;
import org.babble.core.model.ModelShape;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    /** 19 frames of 12 bins: small enough to train in seconds. */
    private static final FeatureSettings FEATURES =
            new FeatureSettings(1000, 210, 30, 10, 12, FeatureSettings.Preprocess.MFCC, 20, 400, 40);

    private static final List<String> LABELS = List.of("_silence_", "_unknown_", "a", "b");

    @TempDir
    Path dir;

    private static TrainSettings settings(int steps1, int steps2, int save) {
        return TrainSettings.defaults()
                .withSteps(List.of(steps1, steps2), List.of(0.01, 0.001))
                .withIntervals(32, 20, save)
                .withSeed(42);
    }

    private static Trainer trainer(TrainSettings settings, Path trainDir) {
        ModelShape shape = new ModelShape(FEATURES.frameCount(), FEATURES.binsPerFrame(), LABELS.size());
        return new Trainer(
                new RunConfiguration(settings, FEATURES, RunConfiguration.Augmentation.NONE),
                LABELS,
                new SeparablePatterns(shape, settings.architecture().layout(), 3),
                trainDir);
    }

    @Test
    void learnsSeparablePatternsAndWritesTfStyleOutputs() throws IOException {
        List<TrainingObserver.StepResult> steps = new ArrayList<>();
        TrainingResult result = trainer(settings(50, 10, 20), dir)
                .observe(new TrainingObserver() {
                    @Override
                    public void step(TrainingObserver.StepResult r) {
                        steps.add(r);
                    }
                })
                .train();

        assertFalse(result.interrupted());
        assertEquals(60, steps.size());
        double firstLoss = steps.subList(0, 5).stream()
                .mapToDouble(TrainingObserver.StepResult::crossEntropy)
                .average()
                .orElseThrow();
        double lastLoss = steps.subList(55, 60).stream()
                .mapToDouble(TrainingObserver.StepResult::crossEntropy)
                .average()
                .orElseThrow();
        assertTrue(lastLoss < firstLoss / 2, "cross entropy " + firstLoss + " -> " + lastLoss);
        assertTrue(
                result.test().accuracy() >= 0.9,
                "test accuracy " + result.test().accuracy());
        assertEquals(90, result.test().total());
        assertEquals(0.01, steps.get(49).learningRate());
        assertEquals(0.001, steps.get(50).learningRate());
        assertEquals(LABELS, Files.readAllLines(dir.resolve("labels.txt")));
        for (String png : List.of("accuracy.png", "cross_entropy.png", "confusion.png")) {
            assertTrue(Files.size(dir.resolve(png)) > 1000, png);
        }
        List<JsonNode> log = TrainingLog.read(dir);
        assertEquals(
                60,
                log.stream().filter(l -> l.get("type").asText().equals("step")).count());
        assertEquals(
                3,
                log.stream()
                        .filter(l -> l.get("type").asText().equals("validation"))
                        .count());
        assertEquals(
                1,
                log.stream().filter(l -> l.get("type").asText().equals("test")).count());
        assertTrue(Files.isRegularFile(dir.resolve(CheckpointFolder.BEST)));
    }

    @Test
    void interruptedRunResumedFromItsCheckpointEqualsUninterruptedRun() {
        TrainSettings settings = settings(25, 10, 10);
        Path whole = dir.resolve("whole");
        Path broken = dir.resolve("broken");
        trainer(settings, whole).train();
        MultiLayerNetwork reference =
                Checkpoint.read(whole.resolve("ckpt-35.zip")).network();

        TrainingResult stopped = trainUntil(settings, broken, 23);
        assertTrue(stopped.interrupted());
        assertEquals(23, stopped.lastStep());
        assertEquals(broken.resolve("ckpt-23.zip"), stopped.lastCheckpoint());

        Checkpoint resumeFrom = Checkpoint.read(broken.resolve("ckpt-23.zip"));
        assertEquals(23, resumeFrom.state().step());
        assertEquals(0, resumeFrom.state().phase());
        assertEquals(settings, resumeFrom.state().trainSettings());
        assertEquals(FEATURES, resumeFrom.state().featureSettings());
        TrainingResult resumed = trainer(settings, broken).resume(resumeFrom);
        assertFalse(resumed.interrupted());
        MultiLayerNetwork continued =
                Checkpoint.read(broken.resolve("ckpt-35.zip")).network();

        assertArrayEquals(
                reference.params().toFloatVector(),
                continued.params().toFloatVector(),
                "weights after resume differ from the uninterrupted run");
        assertArrayEquals(
                reference.getUpdater().getStateViewArray().toFloatVector(),
                continued.getUpdater().getStateViewArray().toFloatVector(),
                "Adam state differs");
        List<Double> wholeLosses = losses(whole);
        List<Double> brokenLosses = losses(broken);
        assertEquals(wholeLosses, brokenLosses, "per-step cross entropy differs");
    }

    @Test
    void aRunResumedFromAnEarlierCheckpointLogsEachStepOnce() {
        TrainSettings settings = settings(25, 10, 10);
        Path whole = dir.resolve("whole");
        Path killed = dir.resolve("killed");
        trainer(settings, whole).train();
        trainUntil(settings, killed, 27);
        // as if killed at step 27: the last checkpoint it left before that is step 20's
        trainer(settings, killed).resume(Checkpoint.read(killed.resolve("ckpt-20.zip")));
        List<Integer> steps = new ArrayList<>();
        for (JsonNode line : TrainingLog.read(killed)) {
            if (line.get("type").asText().equals("step")) {
                steps.add(line.get("step").asInt());
            }
        }
        assertEquals(IntStream.rangeClosed(1, 35).boxed().toList(), steps, "each step logged once, in order");
        assertEquals(losses(whole), losses(killed));
    }

    @Test
    void sameSeedSameRun() {
        TrainSettings settings = settings(15, 5, 100);
        trainer(settings, dir.resolve("a")).train();
        trainer(settings, dir.resolve("b")).train();
        assertEquals(losses(dir.resolve("a")), losses(dir.resolve("b")));
        trainer(settings.withSeed(43), dir.resolve("c")).train();
        assertFalse(losses(dir.resolve("a")).equals(losses(dir.resolve("c"))), "another seed, another run");
    }

    @Test
    void checkpointsAreAtomicAndPruned() throws IOException {
        TrainSettings settings = new TrainSettings(
                List.of(12),
                List.of(0.01),
                16,
                100,
                2,
                Architecture.DEFAULT,
                0.5,
                7,
                2,
                "",
                List.of(),
                10,
                10,
                0.1,
                0.8,
                100,
                10,
                10);
        trainer(settings, dir).train();
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(
                List.of("ckpt-10.zip", "ckpt-12.zip"),
                names.stream().filter(n -> n.startsWith("ckpt-")).toList(),
                "kept the latest 2: " + names);
        assertTrue(names.stream().noneMatch(n -> n.endsWith(".part")), "no temporary files left: " + names);
        assertEquals(12, Checkpoint.read(dir.resolve("ckpt-12.zip")).state().step());
    }

    /** A run asked to stop at {@code step}, as Ctrl-C would. */
    private static TrainingResult trainUntil(TrainSettings settings, Path trainDir, int step) {
        Trainer trainer = trainer(settings, trainDir);
        trainer.observe(new TrainingObserver() {
            @Override
            public void step(TrainingObserver.StepResult r) {
                if (r.step() == step) {
                    trainer.requestStop();
                }
            }
        });
        return trainer.train();
    }

    private static List<Double> losses(Path trainDir) {
        List<Double> out = new ArrayList<>();
        for (JsonNode line : TrainingLog.read(trainDir)) {
            if (line.get("type").asText().equals("step")) {
                out.add(line.get("crossEntropy").asDouble());
            }
        }
        return out;
    }
}
