package org.babble.core.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.babble.core.BabbleException;

/**
 * Removes the oldest chunks a {@link Retention} no longer keeps. Only files named like babble's chunks
 * ({@link ChunkNames}) directly in the folder are candidates: a user's own recordings there are never touched.
 */
public final class ChunkRetention {
    private ChunkRetention() {}

    /** Deletes what {@code retention} no longer keeps; returns the deleted files. */
    public static List<Path> apply(Path dir, Retention retention, LocalDateTime now) {
        if (retention.keepsAll()) {
            return List.of();
        }
        List<Path> chunks;
        try (Stream<Path> files = Files.list(dir)) {
            chunks = new ArrayList<>(files.filter(Files::isRegularFile)
                    .filter(ChunkNames::isChunk)
                    .sorted(Comparator.comparing(
                                    (Path p) -> ChunkNames.startOf(p).orElseThrow())
                            .thenComparing(p -> p.getFileName().toString().length())
                            .thenComparing(p -> p.getFileName().toString()))
                    .toList());
        } catch (IOException e) {
            throw new BabbleException(dir, "cannot list chunks: " + e.getMessage(), "check the folder", e);
        }
        List<Path> doomed = new ArrayList<>();
        if (retention.keepCount() != null && chunks.size() > retention.keepCount()) {
            doomed.addAll(chunks.subList(0, chunks.size() - retention.keepCount()));
        }
        if (retention.keepAge() != null) {
            LocalDateTime cutoff = now.minus(retention.keepAge());
            for (Path chunk : chunks) {
                if (ChunkNames.startOf(chunk).orElseThrow().isBefore(cutoff) && !doomed.contains(chunk)) {
                    doomed.add(chunk);
                }
            }
        }
        for (Path chunk : doomed) {
            try {
                Files.deleteIfExists(chunk);
            } catch (IOException e) {
                throw new BabbleException(chunk, "cannot delete old chunk: " + e.getMessage(), "check permissions", e);
            }
        }
        return doomed;
    }
}
