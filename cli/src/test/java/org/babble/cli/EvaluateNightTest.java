package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavWriter;
import org.babble.core.features.FeatureLayout;
import org.babble.core.frozen.FrozenModelWriter;
import org.babble.testing.Signals;
import org.babble.testing.TinyModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code babble evaluate --night} with the tiny tone model on synthesised recordings whose answer is known exactly: a
 * 60-s night whose truth lists a low tone that is not there (a miss) and leaves out a high tone that is (a false
 * alarm), a 30-minute negative recording with planted bursts, and clips whose window scores classify must reproduce.
 */
class EvaluateNightTest {
    private static final int RATE = TinyModels.SAMPLE_RATE;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static String model;
    static String night;
    static String truth;

    @BeforeAll
    static void writeModelAndNight() throws IOException {
        Path file = dir.resolve("tones.babble");
        FrozenModelWriter.write(file, TinyModels.tones(), TinyModels.metadata(TinyModels.LABELS, FeatureLayout.FLAT));
        model = file.toString();
        float[] samples = Signals.noise(0.003, 5, 60 * RATE);
        addTone(samples, TinyModels.LOW_HZ, 8, 18);
        addTone(samples, TinyModels.HIGH_HZ, 26, 31);
        addTone(samples, TinyModels.LOW_HZ, 40, 45);
        addTone(samples, TinyModels.HIGH_HZ, 52, 56); // not in the truth: a false alarm
        Path wav = dir.resolve("night.wav");
        WavWriter.write(wav, AudioClip.mono(RATE, samples));
        night = wav.toString();
        Path csv = dir.resolve("night.csv");
        // 33-35 s holds no tone: a miss.
        Files.writeString(csv, "start_s,end_s,label\n8,18,low\n26,31,high\n33,35,low\n40,45,low\n");
        truth = csv.toString();
    }

    static void addTone(float[] samples, double hz, int fromS, int toS) {
        float[] tone = Signals.sine(hz, 0.3, RATE, (toS - fromS) * RATE);
        for (int i = 0; i < tone.length; i++) {
            samples[fromS * RATE + i] += tone[i];
        }
    }

    static JsonNode label(JsonNode report, String label) {
        for (JsonNode l : report.get("labels")) {
            if (l.get("label").asText().equals(label)) {
                return l;
            }
        }
        throw new AssertionError("no figures for " + label + " in " + report.toPrettyString());
    }

    static JsonNode json(CliRun run) throws IOException {
        return JSON.readTree(run.out());
    }

    @Test
    void aNightWithAKnownAnswerGivesTheHandCountedFigures() throws IOException {
        JsonNode report = json(
                CliRun.of("evaluate", "--model", model, "--night", night, "--truth", truth, "--format", "json", "-q")
                        .expectExit(0));
        JsonNode low = label(report, "low");
        assertEquals(3, low.get("episodes").asInt());
        assertEquals(2, low.get("found").asInt(), low::toPrettyString);
        assertEquals(1, low.get("missed").asInt());
        assertEquals(0, low.get("false_alarms").asInt());
        assertEquals(17.0, low.get("truth_s").asDouble(), 1e-9);
        assertEquals((60 - 17) / 3600.0, low.get("negative_hours").asDouble(), 1e-9);
        JsonNode high = label(report, "high");
        assertEquals(1, high.get("episodes").asInt());
        assertEquals(1, high.get("found").asInt(), high::toPrettyString);
        assertEquals(1, high.get("false_alarms").asInt(), high::toPrettyString);
        assertEquals(1 / (55 / 3600.0), high.get("false_alarms_per_hour").asDouble(), 1e-6);
        // An alarm cannot come before the window holding the onset has ended, nor much later with these settings.
        for (JsonNode l : List.of(low, high)) {
            double latency = l.get("latency_median_s").asDouble();
            assertTrue(latency >= 0 && latency <= 2, l::toPrettyString);
            assertTrue(l.get("covered_s").asDouble() >= 0.8 * (l == low ? 15 : 5), l::toPrettyString);
        }
        assertEquals(2, report.get("labels").size(), "_silence_ is not reported");
    }

    @Test
    void textNamesTheSettingsAndTheFiguresPerLabel() {
        CliRun run = CliRun.of(
                        "evaluate", "--model", model, "--wav", night, "--ground_truth", truth, "--label", "low", "-q")
                .expectExit(0);
        assertTrue(
                run.out()
                        .contains("smoothing (defaults): --detection-threshold 0.50 --average-window-ms 1000"
                                + " --minimum-count 2 --suppression-ms 1000"),
                run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("low\\s+3\\s+2\\s+1\\s+0\\s+0\\.00 .*")), run.out());
        assertTrue(run.out().lines().noneMatch(l -> l.startsWith("high")), run.out());
    }

    @Test
    void aSweepPinsTheFlagsItIsGivenAndPicksWithinTheBudgetOrSaysNothingIs() throws IOException {
        Path png = dir.resolve("det.png");
        String[] sweep = {
            "evaluate",
            "--model",
            model,
            "--night",
            night,
            "--label",
            "high",
            "--sweep",
            "--thresholds",
            "0.5,0.9",
            "--average-window-ms",
            "1000",
            "-q"
        };
        JsonNode report = json(CliRun.of(concat(
                        sweep,
                        "--format",
                        "json",
                        "--target-false-alarms-per-hour",
                        "100",
                        "--det-plot",
                        png.toString()))
                .expectExit(0));
        JsonNode points = report.get("sweep").get("points");
        assertEquals(2 * 3 * 2, points.size(), "2 thresholds x 3 minimum counts x 2 suppressions, the window pinned");
        points.forEach(p ->
                assertEquals(1000, p.get("smoothing").get("average_window_ms").asInt()));
        JsonNode chosen = report.get("sweep").get("chosen").get("figures");
        assertEquals(0, chosen.get("missed").asInt(), chosen::toPrettyString);
        assertTrue(chosen.get("false_alarms_per_hour").asDouble() <= 100, chosen::toPrettyString);
        assertTrue(Files.size(png) > 1000, "a DET plot was drawn");
        // The unlisted 4-s high tone is a false alarm at every setting: no budget of zero can be met.
        CliRun none =
                CliRun.of(concat(sweep, "--target-false-alarms-per-hour", "0")).expectExit(ExitCode.CHECK_FAILED);
        assertTrue(none.out().contains("no setting keeps within 0.00 false alarms per hour"), none.out());
        assertTrue(none.out().contains("sweep of high: 12 settings"), none.out());
    }

    @Test
    void anUnreadableNightIsOneLineAndTheOthersStillCount() throws IOException {
        Path broken = dir.resolve("broken.wav");
        Files.writeString(broken, "not a wav");
        CliRun run = CliRun.of(
                        "evaluate",
                        "--model",
                        model,
                        "--night",
                        night,
                        "--night",
                        broken.toString(),
                        "--truth",
                        truth,
                        "--truth",
                        truth,
                        "--label",
                        "low",
                        "-q")
                .expectExit(ExitCode.FAILED);
        assertTrue(run.out().lines().anyMatch(l -> l.matches("low\\s+3\\s+2\\s+1\\s+0 .*")), run.out());
        assertTrue(run.err().lines().anyMatch(l -> l.startsWith("babble: " + broken)), run.err());
        assertTrue(run.err().lines().noneMatch(l -> l.contains("Exception")), run.err());
        CliRun.of("evaluate", "--model", model, "--night", night, "--truth", truth, "--truth", truth)
                .expectExit(ExitCode.USAGE);
        CliRun.of("evaluate", "--model", model).expectExit(ExitCode.USAGE);
    }

    private static String[] concat(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void theTruthBesideTheNightIsFoundByItsName() {
        CliRun run = CliRun.of("evaluate", "--model", model, "--night", night, "--label", "low", "-q")
                .expectExit(0);
        assertTrue(run.out().lines().anyMatch(l -> l.matches("low\\s+3\\s+2\\s+1\\s+0 .*")), run.out());
    }

    @Test
    void halfAnHourOfNegativeAudioCountsEachPlantedBurstAsOneFalseAlarm() throws IOException {
        int minutes = 30;
        float[] samples = Signals.noise(0.003, 9, minutes * 60 * RATE);
        int bursts = 0;
        for (int s = 60; s + 3 <= minutes * 60; s += 240) {
            addTone(samples, TinyModels.HIGH_HZ, s, s + 3);
            bursts++;
        }
        Path folder = Files.createDirectories(dir.resolve("negatives"));
        WavWriter.write(folder.resolve("half-hour.wav"), AudioClip.mono(RATE, samples));
        JsonNode report =
                json(CliRun.of("evaluate", "--model", model, "--negatives", folder.toString(), "--format", "json", "-q")
                        .expectExit(0));
        JsonNode high = label(report, "high");
        assertEquals(8, bursts);
        assertEquals(0, high.get("episodes").asInt());
        assertEquals(bursts, high.get("false_alarms").asInt(), high::toPrettyString);
        assertEquals(0.5, high.get("negative_hours").asDouble(), 1e-9);
        assertEquals(bursts / 0.5, high.get("false_alarms_per_hour").asDouble(), 1e-9);
        assertEquals(0, label(report, "low").get("false_alarms").asInt());
    }

    @Test
    void windowScoresOfAFrozenModelAreTheScoresClassifyPrintsForTheSameClips() throws IOException {
        String[] sounds = {"low", "_silence_", "high", "high", "low", "_silence_"};
        List<String> clips = new ArrayList<>();
        float[] joined = new float[sounds.length * RATE];
        for (int i = 0; i < sounds.length; i++) {
            float[] clip = TinyModels.sound(sounds[i], 50 + i);
            System.arraycopy(clip, 0, joined, i * RATE, RATE);
            Path wav = dir.resolve("clip-" + i + ".wav");
            WavWriter.write(wav, AudioClip.mono(RATE, clip));
            clips.add(wav.toString());
        }
        Path joinedWav = dir.resolve("joined.wav");
        WavWriter.write(joinedWav, AudioClip.mono(RATE, joined));
        Path scores = dir.resolve("windows.csv");
        CliRun.of(
                        "evaluate",
                        "--model",
                        model,
                        "--negatives",
                        joinedWav.toString(),
                        "--hop",
                        "1",
                        "--window-scores",
                        scores.toString(),
                        "-q")
                .expectExit(0);
        List<String> windows = Files.readAllLines(scores);
        List<String> args = new ArrayList<>(List.of("classify", "--model", model, "--format", "csv", "-q"));
        args.addAll(clips);
        List<String> classified = CliRun.of(args.toArray(String[]::new))
                .expectExit(0)
                .out()
                .lines()
                .toList();
        assertEquals("file,start_s,end_s,_silence_,low,high", windows.get(0));
        assertEquals(sounds.length + 1, windows.size(), windows::toString);
        for (int i = 0; i < sounds.length; i++) {
            String[] window = windows.get(i + 1).split(",");
            String[] clip = classified.get(i + 1).split(",");
            assertEquals(i, Double.parseDouble(window[1]), 1e-9);
            assertEquals(
                    List.of(clip).subList(3, 6), List.of(window).subList(3, 6), "clip " + i + " (" + sounds[i] + ")");
        }
    }
}
