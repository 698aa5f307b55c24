package org.babble.core.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkNamesTest {
    @TempDir
    Path dir;

    @Test
    void namesAChunkByItsStartSecond() {
        Path name = ChunkNames.next(dir, LocalDateTime.of(2026, 11, 21, 3, 58, 24, 700_000_000));
        assertEquals("2026-11-21T03-58-24.wav", name.getFileName().toString());
        assertEquals(
                LocalDateTime.of(2026, 11, 21, 3, 58, 24),
                ChunkNames.startOf(name).orElseThrow());
    }

    @Test
    void aSecondChunkInTheSameSecondGetsASuffixThatSortsAfterIt() throws IOException {
        LocalDateTime t = LocalDateTime.of(2026, 11, 21, 3, 58, 24);
        Files.createFile(ChunkNames.next(dir, t));
        Path second = ChunkNames.next(dir, t);
        assertEquals("2026-11-21T03-58-24_2.wav", second.getFileName().toString());
        assertTrue(second.getFileName().toString().compareTo("2026-11-21T03-58-24.wav") > 0);
        assertTrue(ChunkNames.isChunk(second));
    }

    @Test
    void otherFilesAreNotChunks() {
        assertFalse(ChunkNames.isChunk(Path.of("night.wav")));
        assertFalse(ChunkNames.isChunk(Path.of("2026-11-21T03-58-24.flac")));
        assertFalse(ChunkNames.isChunk(Path.of("copy of 2026-11-21T03-58-24.wav")));
        assertFalse(ChunkNames.isChunk(Path.of("2026-13-45T03-58-24.wav")), "not a real date");
    }
}
