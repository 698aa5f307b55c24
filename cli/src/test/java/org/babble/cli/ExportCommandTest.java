package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavReader;
import org.babble.core.features.FeatureLayout;
import org.babble.core.features.FeatureSettings;
import org.babble.core.frozen.FrozenModelReader;
import org.babble.core.frozen.FrozenModelWriter;
import org.babble.core.inference.Classifier;
import org.babble.core.prep.ClipPreparation;
import org.babble.testing.SharedData;
import org.babble.testing.TinyModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code babble export --format onnx}: the file ONNX Runtime runs scores real clips as {@code babble classify} does,
 * given babble's features; a network it cannot write is one line and no file; the model is never touched.
 */
class ExportCommandTest {
    @TempDir
    Path dir;

    /** Phone-recorded cries (never trained on) and clips of every nursery class: sounds the model scores apart. */
    private static List<Path> realClips() throws IOException {
        List<Path> clips = new ArrayList<>();
        for (String folder : List.of(
                "cries/hungry",
                "cries/tired",
                "nursery/crying",
                "nursery/noise",
                "nursery/laughing",
                "nursery/room_empty")) {
            try (Stream<Path> files = Files.list(SharedData.require(folder))) {
                files.filter(p -> p.toString().endsWith(".wav"))
                        .sorted()
                        .limit(4)
                        .forEach(clips::add);
            }
        }
        return clips;
    }

    @Test
    void onnxRuntimeScoresRealClipsAsBabbleDoes() throws Exception {
        Path model = NurseryModel.get().model();
        Path onnx = dir.resolve("nursery.onnx");
        CliRun run = CliRun.of("export", "--format", "onnx", model.toString(), "-o", onnx.toString())
                .expectExit(ExitCode.OK);
        assertTrue(run.out().startsWith("wrote " + onnx), run.out());
        assertTrue(
                run.out().contains("output 'scores' [_silence_, _unknown_, crying, laughing, noise, room_empty]"),
                run.out());

        Classifier babble = new Classifier(FrozenModelReader.read(model));
        FeatureSettings settings = babble.model().metadata().featureSettings();
        ClipPreparation preparation = new ClipPreparation(settings);
        List<Path> clips = realClips();
        int perClip = settings.frameCount() * settings.binsPerFrame();
        float[] features = new float[clips.size() * perClip];
        float[][] expected = new float[clips.size()][];
        for (int i = 0; i < clips.size(); i++) {
            AudioClip clip = WavReader.read(clips.get(i)).clip();
            assertFalse(babble.needsWindows(clip), clips.get(i) + " is one clip, not a recording");
            expected[i] = babble.classify(clip).scores();
            System.arraycopy(preparation.clipFeatures(clip, new ArrayList<>()), 0, features, i * perClip, perClip);
        }
        OrtEnvironment ort = OrtEnvironment.getEnvironment();
        float[][] scores;
        try (OrtSession session = ort.createSession(onnx.toString(), new OrtSession.SessionOptions());
                OnnxTensor input = OnnxTensor.createTensor(ort, FloatBuffer.wrap(features), new long[] {
                    clips.size(), settings.frameCount(), settings.binsPerFrame()
                });
                OrtSession.Result result = session.run(Map.of("features", input))) {
            scores = (float[][]) result.get("scores").orElseThrow().getValue();
        }
        double undecided = 0;
        for (int i = 0; i < clips.size(); i++) {
            assertArrayEquals(expected[i], scores[i], 1e-4f, clips.get(i).toString());
            for (float s : expected[i]) {
                undecided = Math.max(undecided, Math.min(s, 1 - s));
            }
        }
        assertTrue(undecided > 0.05, "some clip's scores sit away from 0 and 1: " + undecided);
    }

    @Test
    void theDefaultOutputSitsBesideTheModelWhichStaysAsItWas() throws Exception {
        Path model = dir.resolve("nursery.babble");
        Files.copy(NurseryModel.get().model(), model);
        byte[] before = Files.readAllBytes(model);
        CliRun.of("export", model.toString()).expectExit(ExitCode.OK);
        assertTrue(Files.size(dir.resolve("nursery.onnx")) > 10_000);
        assertArrayEquals(before, Files.readAllBytes(model));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    List.of("nursery.babble", "nursery.onnx"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file left behind");
        }
    }

    @Test
    void aTensorFlowDesignIsOneLineAndNoFile() {
        Path model = dir.resolve("dense.babble");
        FrozenModelWriter.write(model, TinyModels.tones(), TinyModels.metadata(TinyModels.LABELS, FeatureLayout.FLAT));
        Path onnx = dir.resolve("dense.onnx");
        CliRun run =
                CliRun.of("export", model.toString(), "-o", onnx.toString()).expectExit(ExitCode.FAILED);
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("babble: " + model + ": ONNX export covers the tc_resnet networks"), run.err());
        assertFalse(Files.exists(onnx));
    }

    @Test
    void aFormatBabbleDoesNotWriteIsAUsageError() {
        CliRun run = CliRun.of("export", "--format", "tflite", "model.babble").expectExit(ExitCode.USAGE);
        assertTrue(run.err().contains("--format"), run.err());
    }
}
