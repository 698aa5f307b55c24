package org.babble.core.monitor.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A child process for {@link KillDuringWriteTest}: writes windows as fast as it can, an episode every ten windows, and
 * prints {@code window N} / {@code closed ID} after each commit so the parent knows what must survive a kill.
 */
public final class EndlessWriter {
    private EndlessWriter() {}

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        List<String> labels = List.of("_silence_", "_unknown_", "crying", "room_empty");
        Instant t0 = Instant.parse("2026-11-20T21:00:00Z");
        MonitorDatabase db = MonitorDatabase.openForWriting(file);
        RunRecorder rec = db.startRun(new RunInfo("model.babble", labels, "endless", "{}", t0));
        long episode = -1;
        for (int n = 0; ; n++) {
            Instant start = t0.plusMillis(500L * n);
            rec.addWindow(new WindowRow(start, start.plusMillis(1000), "crying", new float[] {0, 0, 0.9f, 0.1f}, -20));
            System.out.println("window " + n);
            if (n % 10 == 3) {
                episode = rec.openEpisode("crying", start, 0.9);
            } else if (n % 10 == 8) {
                rec.closeEpisode(episode, start.minusMillis(2500), start, 0.95);
                System.out.println("closed " + episode);
            }
            System.out.flush();
        }
    }
}
