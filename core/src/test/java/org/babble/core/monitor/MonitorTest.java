package org.babble.core.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavWriter;
import org.babble.core.capture.AudioSource;
import org.babble.core.capture.CaptureFormat;
import org.babble.core.capture.FileReplaySource;
import org.babble.core.capture.ReplaySpeed;
import org.babble.core.monitor.store.EpisodeRow;
import org.babble.core.monitor.store.KeptAudio;
import org.babble.core.monitor.store.MonitorDatabase;
import org.babble.core.monitor.store.RunInfo;
import org.babble.core.recognition.RecognitionSettings;
import org.babble.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorTest {
    private static final int RATE = 16000;
    private static final List<String> LABELS = List.of("_silence_", "_unknown_", "crying", "room_empty");
    private static final Instant ORIGIN = Instant.parse("2026-11-20T21:00:00Z");

    @TempDir
    Path dir;

    /** A stand-in model: "crying" scores the share of the window louder than 0.1, "room_empty" the rest. */
    private static final WindowScorer LOUDNESS = new WindowScorer() {
        @Override
        public List<String> labels() {
            return LABELS;
        }

        @Override
        public long clipMs() {
            return 1000;
        }

        @Override
        public int sampleRate() {
            return RATE;
        }

        @Override
        public int windowSamples() {
            return RATE;
        }

        @Override
        public float[] scores(long start, float[] samples, int from) {
            int loud = 0;
            for (int i = from; i + 160 <= from + RATE; i += 160) {
                float peak = 0;
                for (int k = i; k < i + 160; k++) {
                    peak = Math.max(peak, Math.abs(samples[k]));
                }
                loud += peak > 0.1f ? 160 : 0;
            }
            float crying = loud / (float) RATE;
            return new float[] {0, 0, crying, 1 - crying};
        }

        @Override
        public long hopSamples(long hopMs) {
            return hopMs * RATE / 1000;
        }

        @Override
        public void restart() {}
    };

    /** 60 s of quiet hiss with a loud 440 Hz tone from 10 to 25 s and from 40 to 45 s. */
    private Path night() {
        float[] samples = Signals.noise(0.003, 7, 60 * RATE);
        float[] tone = Signals.sine(440, 0.5, RATE, 60 * RATE);
        for (int[] span : new int[][] {{10, 25}, {40, 45}}) {
            for (int i = span[0] * RATE; i < span[1] * RATE; i++) {
                samples[i] += tone[i];
            }
        }
        Path wav = dir.resolve("night.wav");
        WavWriter.write(wav, AudioClip.mono(RATE, samples));
        return wav;
    }

    @Test
    void storesEpisodesWhereTheLoudPartsAreFiresTheHookAndKeepsTheAudio() throws Exception {
        Path wav = night();
        Path db = dir.resolve("babble.db");
        Path hookOut = dir.resolve("hook.txt");
        Path keep = dir.resolve("kept");
        MonitorSettings settings = new MonitorSettings(
                500,
                RecognitionSettings.forWindows(1000, 500),
                "crying",
                Optional.of("echo \"$BABBLE_LABEL $BABBLE_SCORE $BABBLE_START\" >> '" + hookOut + "'"),
                40_000,
                Optional.of(keep),
                ORIGIN);
        Monitor.Summary summary;
        try (MonitorDatabase database = MonitorDatabase.openForWriting(db)) {
            Monitor monitor = new Monitor(
                    LOUDNESS,
                    settings,
                    database.startRun(new RunInfo("loudness", LABELS, wav.toString(), "{}", ORIGIN)),
                    new MonitorListener() {});
            summary = monitor.run(() -> new FileReplaySource(wav, ReplaySpeed.MAX));
        }
        assertEquals(119, summary.windows(), "a 1 s window every 0.5 s over 60 s");
        assertEquals("end of input", summary.endReason());
        try (MonitorDatabase database = MonitorDatabase.openForReading(db)) {
            List<EpisodeRow> all = database.episodes(ORIGIN, ORIGIN.plusSeconds(60));
            List<EpisodeRow> episodes =
                    all.stream().filter(e -> e.label().equals("crying")).toList();
            assertEquals(2, episodes.size(), all::toString);
            assertEquals(3, all.size() - episodes.size(), "the quiet stretches are room_empty episodes: " + all);
            assertSpan(episodes.get(0), 10, 25);
            assertSpan(episodes.get(1), 40, 45);
            assertEquals(119, database.windowCount());
            assertTrue(database.runs().get(0).ended().isPresent());
        }
        for (int i = 0; i < 50 && !Files.exists(hookOut); i++) {
            Thread.sleep(100);
        }
        Thread.sleep(300);
        List<String> fired = Files.readAllLines(hookOut);
        assertEquals(
                1,
                fired.size(),
                "rate-limited to one call per 40 s of audio (the episodes start 30 s apart): " + fired);
        assertTrue(fired.get(0).startsWith("crying ") && fired.get(0).contains("2026-11-20T21:00:"), fired.get(0));
        try (var kept = Files.list(keep.resolve("crying"))) {
            List<Path> pieces = kept.sorted().toList();
            assertTrue(pieces.size() >= 15 + 5, "1-s pieces of both episodes: " + pieces);
            assertTrue(
                    pieces.get(0).getFileName().toString().matches(".*_nohash_0\\.wav"),
                    pieces.get(0).toString());
            try (MonitorDatabase database = MonitorDatabase.openForReading(db)) {
                List<EpisodeRow> crying = database.episodes(ORIGIN, ORIGIN.plusSeconds(60)).stream()
                        .filter(e -> e.label().equals("crying"))
                        .toList();
                Map<Long, Integer> counts = KeptAudio.countsOfIds(database, 0, Long.MAX_VALUE);
                assertEquals(
                        pieces.size(),
                        counts.get(crying.get(0).id())
                                + counts.get(crying.get(1).id()),
                        "the database names every kept piece of crying");
                assertEquals(
                        pieces.get(0).toAbsolutePath(),
                        KeptAudio.piece(database, crying.get(0).id(), 0).orElseThrow());
            }
        }
    }

    /**
     * What Ctrl-C/SIGTERM do: the shutdown hook calls {@link Monitor#stop()} from another thread while the source is
     * blocked mid-episode; the run returns, the open episode gets its end and the run its end reason.
     */
    @Test
    void stopFromAnotherThreadClosesTheOpenEpisodeAndTheRun() throws Exception {
        Path wav = night();
        Path db = dir.resolve("stopped.db");
        CountDownLatch inTheLoudPart = new CountDownLatch(1);
        SourceOpener blocksAt15s = () -> new AudioSource() {
            private final FileReplaySource file = new FileReplaySource(wav, ReplaySpeed.MAX);
            private long frames;

            @Override
            public CaptureFormat format() {
                return file.format();
            }

            @Override
            public int read(float[][] into, int maxFrames) {
                if (frames >= 15L * RATE) {
                    inTheLoudPart.countDown();
                    try {
                        Thread.sleep(60_000); // a device waiting for audio, until stop() interrupts it
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return 0;
                }
                int n = file.read(into, (int) Math.min(maxFrames, 15L * RATE - frames));
                frames += n;
                return n;
            }

            @Override
            public long lostFrames() {
                return 0;
            }

            @Override
            public String describe() {
                return "night.wav, then silence";
            }

            @Override
            public void close() {
                file.close();
            }
        };
        MonitorSettings settings = new MonitorSettings(
                500,
                RecognitionSettings.forWindows(1000, 500),
                "crying",
                Optional.empty(),
                0,
                Optional.empty(),
                ORIGIN);
        try (MonitorDatabase database = MonitorDatabase.openForWriting(db)) {
            Monitor monitor = new Monitor(
                    LOUDNESS,
                    settings,
                    database.startRun(new RunInfo("loudness", LABELS, wav.toString(), "{}", ORIGIN)),
                    new MonitorListener() {});
            ExecutorService runner = Executors.newSingleThreadExecutor();
            Future<Monitor.Summary> run = runner.submit(() -> monitor.run(blocksAt15s));
            assertTrue(inTheLoudPart.await(30, TimeUnit.SECONDS), "the monitor reached 15 s");
            monitor.stop();
            Monitor.Summary summary = run.get(10, TimeUnit.SECONDS);
            runner.shutdown();
            assertEquals("stopped", summary.endReason());
        }
        try (MonitorDatabase database = MonitorDatabase.openForReading(db)) {
            List<EpisodeRow> crying = database.episodes(ORIGIN, ORIGIN.plusSeconds(60)).stream()
                    .filter(e -> e.label().equals("crying"))
                    .toList();
            assertEquals(1, crying.size(), crying::toString);
            assertSpan(crying.get(0), 10, 15);
            assertEquals("stopped", database.runs().get(0).endReason());
            assertTrue(database.runs().get(0).ended().isPresent());
            assertEquals("ok", database.integrityCheck());
        }
    }

    /** A device unplugged mid-run (its read reports the end) is reopened after a pause; time runs on. */
    @Test
    void aLostDeviceIsReportedAndReopened() {
        Path wav = night();
        Path db = dir.resolve("lost.db");
        List<String> notes = new java.util.ArrayList<>();
        int[] opens = {0};
        MonitorSettings settings = new MonitorSettings(
                500,
                RecognitionSettings.forWindows(1000, 500),
                "crying",
                Optional.empty(),
                0,
                Optional.empty(),
                ORIGIN);
        try (MonitorDatabase database = MonitorDatabase.openForWriting(db)) {
            Monitor[] monitor = new Monitor[1];
            monitor[0] = new Monitor(
                    LOUDNESS,
                    settings,
                    database.startRun(new RunInfo("loudness", LABELS, wav.toString(), "{}", ORIGIN)),
                    new MonitorListener() {
                        @Override
                        public void note(String message) {
                            notes.add(message);
                        }
                    });
            Monitor.Summary summary = monitor[0].run(() -> {
                if (++opens[0] > 2) {
                    monitor[0].stop();
                    throw new org.babble.core.BabbleException("test device", "gone for good");
                }
                return new UnendingSource(new FileReplaySource(wav, ReplaySpeed.MAX));
            });
            assertEquals("stopped", summary.endReason());
            assertEquals(2 * 119, summary.windows(), "both plug-ins were heard in full");
        }
        assertTrue(
                notes.get(0).startsWith("audio lost: night.wav") && notes.get(0).contains("stopped delivering"),
                notes.toString());
        try (MonitorDatabase database = MonitorDatabase.openForReading(db)) {
            assertEquals(2 * 119, database.windowCount());
            assertEquals("ok", database.integrityCheck());
        }
    }

    private static void assertSpan(EpisodeRow e, double startS, double endS) {
        double start = (e.start().toEpochMilli() - ORIGIN.toEpochMilli()) / 1000.0;
        double end = (e.end().orElseThrow().toEpochMilli() - ORIGIN.toEpochMilli()) / 1000.0;
        assertEquals("crying", e.label());
        assertEquals(startS, start, 1.5, "start of " + e);
        assertEquals(endS, end, 1.5, "end of " + e);
    }
}
