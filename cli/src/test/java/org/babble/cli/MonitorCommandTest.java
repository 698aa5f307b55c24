package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavReader;
import org.babble.core.audio.WavWriter;
import org.babble.core.features.FeatureLayout;
import org.babble.core.frozen.FrozenModelWriter;
import org.babble.core.monitor.store.EpisodeRow;
import org.babble.core.monitor.store.MonitorDatabase;
import org.babble.testing.Signals;
import org.babble.testing.SmallDisk;
import org.babble.testing.TinyModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * babble monitor end to end with the tiny tone model: a synthesised 40-s night with a low tone from 8 to 18 s and a high
 * one from 26 to 31 s, replayed at max speed.
 */
class MonitorCommandTest {
    private static final int RATE = TinyModels.SAMPLE_RATE;
    private static final String START = "2026-11-20T21:00:00";
    private static final Instant ORIGIN =
            LocalDateTime.parse(START).atZone(ZoneId.systemDefault()).toInstant();

    @TempDir
    static Path dir;

    static String model;
    static String night;

    @BeforeAll
    static void writeModelAndNight() {
        Path file = dir.resolve("model.babble");
        FrozenModelWriter.write(file, TinyModels.tones(), TinyModels.metadata(TinyModels.LABELS, FeatureLayout.FLAT));
        model = file.toString();
        float[] samples = Signals.noise(0.003, 3, 40 * RATE);
        add(samples, Signals.sine(TinyModels.LOW_HZ, 0.3, RATE, 40 * RATE), 8, 18);
        add(samples, Signals.sine(TinyModels.HIGH_HZ, 0.3, RATE, 40 * RATE), 26, 31);
        Path wav = dir.resolve("night.wav");
        WavWriter.write(wav, AudioClip.mono(RATE, samples));
        night = wav.toString();
    }

    private static void add(float[] samples, float[] tone, int fromS, int toS) {
        for (int i = fromS * RATE; i < toS * RATE; i++) {
            samples[i] += tone[i];
        }
    }

    private CliRun monitor(Path db, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "monitor",
                "--model",
                model,
                "--from",
                night,
                "--speed",
                "max",
                "--start-time",
                START,
                "--db",
                db.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void recordsWindowsAndEpisodesWhereTheTonesAreAndReportAgrees() {
        Path db = dir.resolve("tones.db");
        CliRun run = monitor(db).expectExit(ExitCode.OK);
        assertTrue(run.out().contains("end of input: 00:00:40.0 of audio"), run.out());
        assertTrue(run.out().contains("79 windows"), "a 1-s window every 0.5 s over 40 s: " + run.out());
        Map<String, Double> minutes = new HashMap<>();
        try (MonitorDatabase database = MonitorDatabase.openForReading(db)) {
            assertEquals(79, database.windowCount());
            assertEquals("ok", database.integrityCheck());
            List<EpisodeRow> episodes = database.episodes(ORIGIN, ORIGIN.plusSeconds(40));
            List<EpisodeRow> tones =
                    episodes.stream().filter(e -> !e.label().startsWith("_")).toList();
            assertEquals(2, tones.size(), episodes::toString);
            assertSpan(tones.get(0), "low", 8, 18);
            assertSpan(tones.get(1), "high", 26, 31);
            for (EpisodeRow e : episodes) {
                minutes.merge(
                        e.label(),
                        (e.end().orElseThrow().toEpochMilli() - e.start().toEpochMilli()) / 60_000.0,
                        Double::sum);
            }
        }
        String csv = CliRun.of(
                        "report", "--db", db.toString(), "--days", "1", "--until", "2026-11-20", "--format", "csv")
                .expectExit(ExitCode.OK)
                .out();
        for (String label : List.of("low", "high")) { // report leaves out TF's _silence_/_unknown_
            String row = csv.lines()
                    .filter(l -> l.startsWith("2026-11-20," + label + ","))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(label + " missing from\n" + csv));
            double reported = Double.parseDouble(row.substring(row.lastIndexOf(',') + 1));
            assertEquals(minutes.get(label), reported, 0.001, "report agrees with the database for " + label);
        }
        assertTrue(minutes.get("low") > 9.0 / 60 && minutes.get("low") < 11.5 / 60, minutes::toString);
        assertTrue(
                run.out().lines().anyMatch(l -> l.matches("2026-11-20 21:00:0\\d  low  \\d+\\.\\d s  \\(peak .*")),
                "a line per episode off a terminal: " + run.out());
        assertFalse(run.err().contains("\r"), "no status line off a terminal: " + run.err());
    }

    private static void assertSpan(EpisodeRow e, String label, double startS, double endS) {
        assertEquals(label, e.label(), e::toString);
        assertEquals(startS, (e.start().toEpochMilli() - ORIGIN.toEpochMilli()) / 1000.0, 1.5, "start of " + e);
        assertEquals(endS, (e.end().orElseThrow().toEpochMilli() - ORIGIN.toEpochMilli()) / 1000.0, 1.5, "end of " + e);
    }

    @Test
    void onDetectRunsForTheLabelWithItsEnvironmentAndKeptAudioIsReadyForTraining() throws Exception {
        Path hookOut = dir.resolve("hook.txt");
        Path keep = dir.resolve("kept");
        monitor(
                        dir.resolve("hook.db"),
                        "--label",
                        "high",
                        "--keep-audio",
                        keep.toString(),
                        "--on-detect",
                        "echo \"$BABBLE_LABEL $BABBLE_SCORE $BABBLE_START\" >> '" + hookOut + "'")
                .expectExit(ExitCode.OK);
        for (int i = 0; i < 50 && !Files.exists(hookOut); i++) {
            Thread.sleep(100);
        }
        Thread.sleep(200);
        List<String> fired = Files.readAllLines(hookOut);
        assertEquals(1, fired.size(), "one high episode, one call: " + fired);
        String[] parts = fired.get(0).split(" ");
        assertEquals("high", parts[0]);
        assertTrue(Double.parseDouble(parts[1]) > 0.5, fired.get(0));
        double startS = (Instant.parse(parts[2]).toEpochMilli() - ORIGIN.toEpochMilli()) / 1000.0;
        assertEquals(26, startS, 1.5, "BABBLE_START is the episode's start: " + fired.get(0));
        try (var pieces = Files.list(keep.resolve("high"))) {
            List<Path> high = pieces.sorted().toList();
            assertTrue(high.size() >= 4 && high.size() <= 7, "1-s pieces of the 5-s episode: " + high);
            for (Path piece : high) {
                assertTrue(
                        piece.getFileName().toString().matches("2026-11-20T21-00-2\\d_nohash_\\d+\\.wav"),
                        piece.toString());
                AudioClip clip = WavReader.read(piece).clip();
                assertEquals(RATE, clip.sampleRate());
                assertEquals(RATE, clip.frames(), "clip length pieces");
            }
            String classified = CliRun.of(
                            "classify",
                            "--model",
                            model,
                            "--how-many-labels",
                            "1",
                            high.get(1).toString())
                    .expectExit(ExitCode.OK)
                    .out();
            assertTrue(classified.startsWith("high "), "the kept audio is the tone: " + classified);
        }
        assertTrue(Files.isDirectory(keep.resolve("low")), "every label's episodes are kept");
    }

    @Test
    void loopingReplaysTheFileWithTimeRunningOn() {
        Path db = dir.resolve("loop.db");
        CliRun run = monitor(db, "--loop", "3").expectExit(ExitCode.OK);
        assertTrue(run.out().contains("00:02:00.0 of audio"), run.out());
        try (MonitorDatabase database = MonitorDatabase.openForReading(db)) {
            List<EpisodeRow> low = database.episodes(ORIGIN, ORIGIN.plusSeconds(120)).stream()
                    .filter(e -> e.label().equals("low"))
                    .toList();
            assertEquals(3, low.size(), low::toString);
            for (int loop = 0; loop < 3; loop++) {
                assertSpan(low.get(loop), "low", 40 * loop + 8, 40 * loop + 18);
            }
        }
    }

    @Test
    void aMissingModelIsOneLineAndExitOne() {
        CliRun run = CliRun.of(
                        "monitor",
                        "--model",
                        dir.resolve("nope.babble").toString(),
                        "--from",
                        night,
                        "--db",
                        dir.resolve("missing.db").toString())
                .expectExit(ExitCode.FAILED);
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("babble: ") && run.err().contains("nope.babble"), run.err());
    }

    @Test
    void aBadRecordingIsOneLineAndExitOne() throws Exception {
        Path bad = dir.resolve("bad.wav");
        Files.writeString(bad, "not a wav file at all");
        CliRun run = CliRun.of(
                        "monitor",
                        "--model",
                        model,
                        "--from",
                        bad.toString(),
                        "--db",
                        dir.resolve("bad.db").toString())
                .expectExit(ExitCode.FAILED);
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("babble: ") && run.err().contains("bad.wav"), run.err());
    }

    @Test
    void fromAndDeviceTogetherAreAUsageError() {
        CliRun.of("monitor", "--model", model, "--from", night, "--device", "0").expectExit(ExitCode.USAGE);
    }

    @Test
    void aFullDiskStopsMonitorAtOnceWithOneLineAndTheDatabaseStaysWhole() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir, 160)) {
            Path db = disk.folder().resolve("night.db");
            long started = System.nanoTime();
            CliRun run = monitor(db, "--loop", "200").expectExit(ExitCode.FAILED);
            assertTrue(System.nanoTime() - started < 30_000_000_000L, "no minute of retries");
            assertTrue(run.err().contains("disk full"), run.err());
            assertFalse(run.err().contains("audio lost"), run.err());
            Path copy = Files.createDirectories(dir.resolve("copied-db"));
            for (String suffix : List.of("", "-wal")) {
                Path part = disk.folder().resolve("night.db" + suffix);
                if (Files.exists(part)) {
                    Files.copy(part, copy.resolve("night.db" + suffix));
                }
            }
            try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + copy.resolve("night.db"));
                    var rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
                assertEquals("ok", rs.getString(1));
            }
        }
    }
}
