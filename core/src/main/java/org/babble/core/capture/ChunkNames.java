package org.babble.core.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names chunks by their start time ({@code 2026-11-21T03-58-24.wav}, local time, colons replaced so every file system
 * accepts them). Names sort in recording order; a second chunk in the same second gets {@code _2}, {@code _3}. The
 * pattern is also how retention recognises babble's own chunks: nothing else in the folder is ever deleted.
 */
public final class ChunkNames {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss");
    private static final Pattern CHUNK =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2})(?:_(\\d+))?\\.wav");

    private ChunkNames() {}

    /** A name for a chunk starting at {@code start} that no file in {@code dir} has yet. */
    public static Path next(Path dir, LocalDateTime start) {
        String stem = FORMAT.format(start);
        Path candidate = dir.resolve(stem + ".wav");
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = dir.resolve(stem + "_" + n + ".wav");
        }
        return candidate;
    }

    /** The start time encoded in a chunk's file name, or empty when the file is not one of babble's chunks. */
    public static Optional<LocalDateTime> startOf(Path file) {
        Matcher m = CHUNK.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(m.group(1), FORMAT));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static boolean isChunk(Path file) {
        return startOf(file).isPresent();
    }
}
