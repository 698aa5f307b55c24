package org.babble.core.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkRetentionTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void touch(String... names) throws IOException {
        for (String name : names) {
            Files.createFile(dir.resolve(name));
        }
    }

    @Test
    void keepCountRemovesOnlyTheOldestChunksAndNeverOtherFiles() throws IOException {
        touch(
                "2026-11-20T23-00-00.wav",
                "2026-11-21T01-00-00.wav",
                "2026-11-21T01-00-00_2.wav",
                "2026-11-21T02-00-00.wav",
                "night.wav",
                "notes.txt");
        List<Path> removed = ChunkRetention.apply(dir, new Retention(2, null), LocalDateTime.of(2026, 11, 21, 3, 0));
        assertEquals(2, removed.size());
        assertEquals(
                List.of("2026-11-21T01-00-00_2.wav", "2026-11-21T02-00-00.wav", "night.wav", "notes.txt"), names());
    }

    @Test
    void keepAgeRemovesChunksThatStartedBeforeTheCutoff() throws IOException {
        touch("2026-11-18T03-00-00.wav", "2026-11-20T02-59-59.wav", "2026-11-21T02-00-00.wav", "old-user-file.wav");
        ChunkRetention.apply(dir, new Retention(null, Duration.ofDays(1)), LocalDateTime.of(2026, 11, 21, 3, 0));
        assertEquals(List.of("2026-11-21T02-00-00.wav", "old-user-file.wav"), names());
    }

    @Test
    void keepAllTouchesNothingAndBadLimitsAreRefused() throws IOException {
        touch("2026-11-18T03-00-00.wav");
        assertTrue(ChunkRetention.apply(dir, Retention.keepAll(), LocalDateTime.now())
                .isEmpty());
        assertEquals(1, names().size());
        assertThrows(IllegalArgumentException.class, () -> new Retention(0, null));
        assertThrows(IllegalArgumentException.class, () -> new Retention(null, Duration.ZERO));
    }
}
