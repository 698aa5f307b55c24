package org.babble.cli.web;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavWriter;
import org.babble.core.monitor.store.MonitorDatabase;
import org.babble.core.monitor.store.RunInfo;
import org.babble.core.monitor.store.RunRecorder;
import org.babble.core.monitor.store.WindowRow;

/**
 * A small night written the way a monitor writes it: one finished run of 12 windows, a crying episode with two kept
 * audio pieces, and a noise episode with none.
 */
record NightFixture(Path db, Path keptPiece, long cryingId, long noiseId, Instant start) {
    static final List<String> LABELS = List.of("_silence_", "_unknown_", "crying", "noise");

    static NightFixture write(Path dir) {
        Path db = dir.resolve("babble.db");
        Instant start = Instant.parse("2026-11-20T21:00:00Z");
        Path kept = dir.resolve("kept").resolve("crying");
        Path first = kept.resolve("2026-11-20T21-00-10_nohash_0.wav");
        Path second = kept.resolve("2026-11-20T21-00-10_nohash_1.wav");
        float[] tone = new float[8000];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
        }
        WavWriter.write(first, AudioClip.mono(8000, tone));
        WavWriter.write(second, AudioClip.mono(8000, tone));
        try (MonitorDatabase database = MonitorDatabase.openForWriting(db)) {
            RunRecorder run = database.startRun(new RunInfo(
                    dir.resolve("models").resolve("nursery.babble").toString(), LABELS, "test", "{}", start));
            for (int w = 0; w < 12; w++) {
                float crying = w >= 4 && w < 8 ? 0.9f : 0.05f;
                run.addWindow(new WindowRow(
                        start.plusSeconds(5L * w),
                        start.plusSeconds(5L * w + 5),
                        crying > 0.5 ? "crying" : "noise",
                        new float[] {0.0f, 0.05f, crying, 0.95f - crying},
                        -30));
            }
            long crying = run.openEpisode("crying", start.plusSeconds(20), 0.9);
            run.closeEpisode(crying, start.plusSeconds(20), start.plusSeconds(40), 0.9);
            run.keptAudio(crying, List.of(first, second));
            long noise = run.openEpisode("noise", start.plusSeconds(45), 0.8);
            run.closeEpisode(noise, start.plusSeconds(45), start.plusSeconds(55), 0.8);
            run.finish(start.plusSeconds(60), "end of input");
            return new NightFixture(db, first, crying, noise, start);
        }
    }
}
