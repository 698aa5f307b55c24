package org.babble.core.monitor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Done-when of issue 6: {@code kill -9} during a run loses at most the window in flight. */
class KillDuringWriteTest {

    @TempDir
    Path dir;

    @Test
    void killMinusNineLeavesASoundDatabaseWithEveryCommittedWindowAndFinishedEpisode() throws Exception {
        Path file = dir.resolve("babble.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        EndlessWriter.class.getName(),
                        file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        int lastWindow = -1;
        List<Long> closed = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && closed.size() < 30) {
                if (line.startsWith("window ")) {
                    lastWindow = Integer.parseInt(line.substring(7));
                } else if (line.startsWith("closed ")) {
                    closed.add(Long.parseLong(line.substring(7)));
                }
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close
            child.waitFor();
        }
        assertEquals(30, closed.size(), "the child wrote episodes before it was killed");

        try (MonitorDatabase db = MonitorDatabase.openForReading(file)) {
            assertEquals("ok", db.integrityCheck());
            assertTrue(
                    db.windowCount() >= lastWindow + 1,
                    "every window reported committed is there: " + db.windowCount() + " < " + (lastWindow + 1));
            Map<Long, EpisodeRow> stored = db.episodes(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")).stream()
                    .collect(Collectors.toMap(EpisodeRow::id, Function.identity()));
            for (long id : closed) {
                EpisodeRow e = stored.get(id);
                assertTrue(e != null, "finished episode " + id + " is missing");
                assertEquals(2500, e.duration(Instant.EPOCH).toMillis(), "episode " + id + " kept its end");
            }
        }
        try (MonitorDatabase reopened = MonitorDatabase.openForWriting(file)) {
            assertTrue(reopened.runs().get(0).ended().isPresent(), "the dead run is recovered on the next start");
        }
    }
}
