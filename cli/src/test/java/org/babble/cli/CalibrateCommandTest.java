package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.babble.core.frozen.FrozenModelReader;
import org.babble.core.frozen.FrozenModelWriter;
import org.babble.core.recognition.OperatingPoint;
import org.babble.testing.Signals;
import org.babble.testing.TinyModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * babble calibrate with the tiny tone model on a 40-s night: a 5-s high tone the truth lists, and an unlisted
 * 0.6-s high blip that the default smoothing reports. Calibrating for no false alarm must pick a setting that keeps the
 * tone and drops the blip, and classify and monitor must then report that, unless their flags say otherwise.
 */
class CalibrateCommandTest {
    private static final int RATE = TinyModels.SAMPLE_RATE;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] DEFAULTS = {
        "--detection-threshold",
        "0.5",
        "--average-window-ms",
        "1000",
        "--minimum-count",
        "2",
        "--suppression-ms",
        "1000"
    };

    @TempDir
    static Path dir;

    static Path model;
    static Path night;
    static Path truth;

    @BeforeAll
    static void writeModelAndNight() throws IOException {
        model = dir.resolve("tones.babble");
        FrozenModelWriter.write(model, TinyModels.tones(), TinyModels.metadata(TinyModels.LABELS, FeatureLayout.FLAT));
        float[] samples = Signals.noise(0.003, 21, 40 * RATE);
        add(samples, TinyModels.HIGH_HZ, 10 * RATE, 15 * RATE);
        add(samples, TinyModels.HIGH_HZ, 25 * RATE, 25 * RATE + 6 * RATE / 10);
        night = dir.resolve("night.wav");
        WavWriter.write(night, AudioClip.mono(RATE, samples));
        truth = dir.resolve("night.csv");
        Files.writeString(truth, "start_s,end_s,label\n10,15,high\n");
    }

    private static void add(float[] samples, double hz, int from, int to) {
        float[] tone = Signals.sine(hz, 0.3, RATE, to - from);
        for (int i = 0; i < tone.length; i++) {
            samples[from + i] += tone[i];
        }
    }

    /** The high episodes classify reports for the night, as start-end seconds. */
    private static List<String> classifyHigh(Path file, String... flags) throws IOException {
        List<String> args = new ArrayList<>(
                List.of("classify", "--model", file.toString(), "--format", "json", "-q", night.toString()));
        args.addAll(List.of(flags));
        JsonNode result = JSON.readTree(
                CliRun.of(args.toArray(String[]::new)).expectExit(0).out());
        List<String> spans = new ArrayList<>();
        for (JsonNode e : result.get("episodes")) {
            if (e.get("label").asText().equals("high")) {
                spans.add(e.get("start_s").asDouble() + "-" + e.get("end_s").asDouble());
            }
        }
        return spans;
    }

    /** The episode lines monitor prints for the night, without the clock. */
    private static List<String> monitorHigh(Path file, Path db, String... flags) {
        List<String> args = new ArrayList<>(List.of(
                "monitor",
                "--model",
                file.toString(),
                "--from",
                night.toString(),
                "--speed",
                "max",
                "--start-time",
                "2026-11-20T21:00:00",
                "--db",
                db.toString()));
        args.addAll(List.of(flags));
        return CliRun.of(args.toArray(String[]::new))
                .expectExit(0)
                .out()
                .lines()
                .filter(l -> l.matches("2026-11-20 .*  high  .*"))
                .toList();
    }

    @Test
    void theChosenSettingIsStoredAndClassifyAndMonitorUseItUnlessFlagsOverrideIt() throws IOException {
        List<String> before = classifyHigh(model);
        assertEquals(2, before.size(), "the default smoothing reports the tone and the blip: " + before);
        Path calibrated = dir.resolve("calibrated.babble");
        CliRun run = CliRun.of(
                        "calibrate",
                        "--model",
                        model.toString(),
                        "--night",
                        night.toString(),
                        "--truth",
                        truth.toString(),
                        "--label",
                        "high",
                        "--target-false-alarms-per-hour",
                        "0",
                        "--output-file",
                        calibrated.toString(),
                        "-q")
                .expectExit(0);
        assertTrue(run.out().contains("chosen for at most 0.00 false alarms per hour"), run.out());

        OperatingPoint point = FrozenModelReader.read(calibrated).metadata().operatingPoint();
        assertEquals("high", point.label());
        assertEquals(1, point.episodes());
        assertEquals(0, point.missed());
        assertEquals(0.0, point.falseAlarmsPerHour());
        assertEquals(35 / 3600.0, point.negativeHours(), 1e-9);
        assertEquals(List.of(night.toString()), point.recordings());
        assertEquals(500, point.hopMs());
        String row = String.format(
                java.util.Locale.ROOT,
                "%9.2f %10d %9d %14d",
                point.smoothing().detectionThreshold(),
                point.smoothing().averageWindowMs(),
                point.smoothing().minimumCount(),
                point.smoothing().suppressionMs());
        assertTrue(
                run.out().lines().anyMatch(l -> l.startsWith(row)),
                "the chosen setting is a frontier row: " + run.out());
        assertEquals(null, FrozenModelReader.read(model).metadata().operatingPoint(), "--output-file leaves --model");

        List<String> after = classifyHigh(calibrated);
        assertEquals(1, after.size(), "only the tone is left: " + after);
        assertEquals(before, classifyHigh(calibrated, DEFAULTS), "flags override the calibration");

        List<String> monitoredBefore = monitorHigh(model, dir.resolve("before.db"));
        List<String> monitoredAfter = monitorHigh(calibrated, dir.resolve("after.db"));
        assertEquals(2, monitoredBefore.size(), monitoredBefore::toString);
        assertEquals(1, monitoredAfter.size(), monitoredAfter::toString);
        assertEquals(monitoredBefore, monitorHigh(calibrated, dir.resolve("flags.db"), DEFAULTS));

        String info = CliRun.of("info", calibrated.toString()).expectExit(0).out();
        assertTrue(
                info.contains("operating point:     high: " + StreamingReport.settings(point.smoothing())
                        + ", hop 500 ms; missed 0 of 1 episodes"),
                info);
        JsonNode evaluated = JSON.readTree(CliRun.of(
                        "evaluate",
                        "--model",
                        calibrated.toString(),
                        "--night",
                        night.toString(),
                        "--label",
                        "high",
                        "--format",
                        "json",
                        "-q")
                .expectExit(0)
                .out());
        assertEquals(
                "the model's calibration",
                evaluated.get("smoothing").get("source").asText());
        assertEquals(0, evaluated.get("labels").get(0).get("false_alarms").asInt());
        assertNotEquals(point, FrozenModelReader.read(model).metadata().operatingPoint());
    }

    @Test
    void aBudgetNothingMeetsCalibratesNothing() throws IOException {
        Path out = dir.resolve("never.babble");
        CliRun run = CliRun.of(
                "calibrate",
                "--model",
                model.toString(),
                "--night",
                night.toString(),
                "--label",
                "high",
                "--target-false-alarms-per-hour",
                "0",
                "--detection-threshold",
                "0.3",
                "--average-window-ms",
                "500",
                "--minimum-count",
                "1",
                "--suppression-ms",
                "500",
                "--output-file",
                out.toString(),
                "-q");
        run.expectExit(ExitCode.CHECK_FAILED);
        assertTrue(run.out().contains("no setting keeps within 0.00 false alarms per hour"), run.out());
        assertTrue(Files.notExists(out));
    }

    @Test
    void aCheckpointIsAUsageErrorForCalibrate() throws IOException {
        Path trainDir = Files.createDirectories(dir.resolve("train"));
        CliRun run = CliRun.of(
                "calibrate",
                "--model",
                trainDir.toString(),
                "--night",
                night.toString(),
                "--target-false-alarms-per-hour",
                "1");
        run.expectExit(ExitCode.USAGE);
        assertTrue(run.err().contains("freeze the checkpoint first"), run.err());
    }
}
