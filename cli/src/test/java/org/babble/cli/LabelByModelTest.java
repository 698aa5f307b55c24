package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavWriter;
import org.babble.core.features.FeatureLayout;
import org.babble.core.frozen.FrozenModelWriter;
import org.babble.testing.Signals;
import org.babble.testing.TinyModels;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code babble label --model}: a tiny model that tells a low tone (300 Hz) from a high one (1500 Hz) and from
 * near-silence pre-sorts a folder of clips; confident ones land in {@code low/} and {@code high/}, the rest in
 * {@code _review/}.
 */
class LabelByModelTest {
    private static final int RATE = TinyModels.SAMPLE_RATE;

    @TempDir
    static Path shared;

    static String model;

    @TempDir
    Path dir;

    Path clips;
    Path out;

    @BeforeAll
    static void writeModel() {
        Path file = shared.resolve("model.babble");
        FrozenModelWriter.write(file, TinyModels.tones(), TinyModels.metadata(TinyModels.LABELS, FeatureLayout.FLAT));
        model = file.toString();
    }

    /**
     * Two clear low tones, two clear high ones (one in a subfolder), a quiet clip the model calls {@code _silence_},
     * and a 490 Hz tone it scores 0.73 low (see ModelSorterTest).
     */
    @BeforeEach
    void clips() {
        clips = dir.resolve("night-2");
        out = dir.resolve("data");
        wav("low-1.wav", TinyModels.sound("low", 1));
        wav("low-2.wav", TinyModels.sound("low", 2));
        wav("high-1.wav", TinyModels.sound("high", 1));
        wav("03/high-2.wav", TinyModels.sound("high", 2));
        wav("quiet.wav", TinyModels.sound("_silence_", 3));
        float[] between = Signals.sine(490, 0.25, RATE, RATE);
        float[] noise = Signals.noise(0.003, 9, RATE);
        for (int i = 0; i < RATE; i++) {
            between[i] += noise[i];
        }
        wav("between.wav", between);
    }

    private void wav(String name, float[] samples) {
        Path file = clips.resolve(name);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        WavWriter.write(file, AudioClip.mono(RATE, samples));
    }

    /** SHA-256 of every file under {@code root}, by path relative to it. */
    private static Map<String, String> sha256(Path root) throws IOException, NoSuchAlgorithmException {
        Map<String, String> sums = new TreeMap<>();
        if (!Files.exists(root)) {
            return sums;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                sums.put(
                        root.relativize(file).toString().replace('\\', '/'),
                        HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        }
        return sums;
    }

    @Test
    void confidentClipsGoToTheirLabelTheRestToReviewAndInputsStayUntouched() throws Exception {
        Map<String, String> before = sha256(clips);
        CliRun run = CliRun.of("label", "--model", model, clips.toString(), "--out", out.toString())
                .expectExit(ExitCode.OK);
        assertEquals(before, sha256(clips), "inputs unchanged");
        Map<String, String> placed = sha256(out);
        assertEquals(
                Map.of(
                        "low/low-1.wav", before.get("low-1.wav"),
                        "low/low-2.wav", before.get("low-2.wav"),
                        "high/high-1.wav", before.get("high-1.wav"),
                        "high/high-2.wav", before.get("03/high-2.wav"),
                        "_review/quiet.wav", before.get("quiet.wav"),
                        "_review/between.wav", before.get("between.wav")),
                placed);

        List<String> lines = run.out().lines().toList();
        assertEquals("label    clips  mean score", lines.get(0));
        assertTrue(lines.get(1).matches("low          2       (0\\.99\\d|1\\.000)"), lines.get(1));
        assertTrue(lines.get(2).matches("high         2       (0\\.99\\d|1\\.000)"), lines.get(2));
        assertTrue(lines.get(3).matches("_review      2       0\\.8\\d\\d"), "(0.73 + ~1) / 2: " + lines.get(3));
        assertEquals("to review: 2 (1 scored below 0.90, 1 predicted _silence_)", lines.get(4));
        assertEquals(5, lines.size(), run.out());
        assertTrue(run.err().contains("copied 6 clips into " + out + " (2 to review in "), run.err());
    }

    @Test
    void minScoreDecidesWhatIsConfidentAndJsonListsEachClip() throws IOException {
        CliRun run = CliRun.of(
                        "label",
                        "--model",
                        model,
                        clips.toString(),
                        "--out",
                        out.toString(),
                        "--min-score",
                        "0.5",
                        "--format",
                        "json")
                .expectExit(ExitCode.OK);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(3, json.get("labels").get("low").get("clips").asInt(), run.out());
        assertEquals(2, json.get("labels").get("high").get("clips").asInt());
        assertEquals(1, json.get("review").get("clips").asInt());
        assertEquals(0, json.get("review").get("below_min_score").asInt());
        assertEquals(1, json.get("review").get("predicted").get("_silence_").asInt());
        assertEquals(6, json.get("clips").size());
        assertTrue(Files.exists(out.resolve("low/between.wav")));
    }

    @Test
    void moveRemovesTheInputsOnlyForVerifiedCopies() throws Exception {
        Map<String, String> before = sha256(clips);
        CliRun.of("label", "--model", model, clips.toString(), "--out", out.toString(), "--move")
                .expectExit(ExitCode.OK);
        assertEquals(Map.of(), sha256(clips), "every clip moved");
        assertEquals(before.get("03/high-2.wav"), sha256(out).get("high/high-2.wav"));
        assertEquals(before.get("between.wav"), sha256(out).get("_review/between.wav"));
        assertEquals(6, sha256(out).size());
    }

    @Test
    void neverOverwritesAClipAlreadyInALabelFolder() throws IOException {
        Path earlier = out.resolve("low/low-1.wav");
        Files.createDirectories(earlier.getParent());
        Files.writeString(earlier, "last night's clip");
        CliRun.of("label", "--model", model, clips.toString(), "--out", out.toString())
                .expectExit(ExitCode.OK);
        assertEquals("last night's clip", Files.readString(earlier));
        assertTrue(Files.exists(out.resolve("low/low-1-2.wav")));
    }

    @Test
    void aBadClipIsReportedOnOneLineCountedAndTheOthersAreSorted() throws Exception {
        Path bad = Files.writeString(clips.resolve("notes.wav"), "not audio");
        CliRun run = CliRun.of("label", "--model", model, clips.toString(), "--out", out.toString(), "--move")
                .expectExit(ExitCode.FAILED);
        List<String> errors =
                run.err().lines().filter(l -> l.contains("notes.wav")).toList();
        assertEquals(1, errors.size(), run.err());
        assertTrue(errors.get(0).startsWith("babble: " + bad.toAbsolutePath() + ": not a WAV file"), errors.get(0));
        assertTrue(run.err().contains("babble: 1 of 7 clips could not be sorted; they are where they were"), run.err());
        assertFalse(run.err().contains("at org."), "no stack trace");
        assertEquals("not audio", Files.readString(bad), "left where it was, even with --move");
        assertEquals(6, sha256(out).size(), "the others were sorted");
        assertTrue(run.out().contains("failed: 1"), run.out());
    }

    @Test
    void theModesExcludeEachOther() throws IOException {
        Path csv = Files.writeString(dir.resolve("night.csv"), "0,5,crying\n");
        CliRun run = CliRun.of(
                        "label",
                        "--model",
                        model,
                        "--annotations",
                        csv.toString(),
                        clips.toString(),
                        "--out",
                        out.toString())
                .expectExit(ExitCode.USAGE);
        assertTrue(run.err().contains("give only one"), run.err());
        run = CliRun.of(
                        "label",
                        "--interactive",
                        clips.toString(),
                        "--labels",
                        "low",
                        "--min-score",
                        "0.8",
                        "--out",
                        out.toString())
                .expectExit(ExitCode.USAGE);
        assertTrue(run.err().contains("--min-score only applies to model-assisted sorting"), run.err());
        run = CliRun.of("label", "--model", model, clips.toString(), "--out", out.toString(), "--min-score", "1.5")
                .expectExit(ExitCode.USAGE);
        assertTrue(run.err().contains("min-score: must be between 0 and 1"), run.err());
        CliRun.of("label", "--model", model, "--out", out.toString()).expectExit(ExitCode.USAGE);
        CliRun.of("label", "--out", out.toString()).expectExit(ExitCode.USAGE);
        assertFalse(Files.exists(out), "nothing written by a usage error");
    }

    @Test
    void interactiveLabellingOffersTheModelsGuessesLeastSureFirst() {
        CliRun run = CliRun.withStdin(
                        "\nq\n",
                        "label",
                        "--model",
                        model,
                        "--interactive",
                        clips.toString(),
                        "--labels",
                        "low,high",
                        "--no-play",
                        "--out",
                        out.toString())
                .expectExit(ExitCode.OK);
        assertTrue(run.err().contains("the model guessed 6 of 6 clips; the least sure come first"), run.err());
        assertTrue(run.err().contains("[1/6] between.wav"), "0.73 low is the least sure: " + run.err());
        assertTrue(run.err().contains("model: low 0.7"), run.err());
        assertTrue(Files.exists(out.resolve("low/between.wav")), "Enter took the guess");
        assertTrue(run.err().contains("babble: low: 1 clip from 1 recording"), run.err());
    }

    @Test
    void aFolderAloneSortsWithTheDefaultModel() {
        Assumptions.assumeTrue(
                System.getenv("BABBLE_MODEL") == null && !Files.exists(Path.of("model.babble")),
                "this test needs no default model around");
        CliRun run =
                CliRun.of("label", clips.toString(), "--out", out.toString()).expectExit(ExitCode.FAILED);
        assertTrue(run.err().contains("model.babble") && run.err().contains("no such model file"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }
}
