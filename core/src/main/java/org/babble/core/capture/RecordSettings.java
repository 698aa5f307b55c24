package org.babble.core.capture;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * What {@link ChunkRecorder} does: where chunks go, how long each is, when to stop ({@code duration} and/or
 * {@code count}; null for "until the source ends or Ctrl-C"), the wall-clock time of the first frame (chunk names), and
 * which old chunks to remove.
 */
public record RecordSettings(
        Path out, Duration chunk, Duration duration, Integer count, LocalDateTime startTime, Retention retention) {
    public RecordSettings {
        if (out == null) {
            throw new IllegalArgumentException("out is required");
        }
        if (chunk == null || chunk.isNegative() || chunk.isZero()) {
            throw new IllegalArgumentException("chunk must be a positive duration, got " + chunk);
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("duration must be positive, got " + duration);
        }
        if (count != null && count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        if (startTime == null) {
            throw new IllegalArgumentException("startTime is required");
        }
        if (retention == null) {
            retention = Retention.keepAll();
        }
    }

    /** Frames per chunk at {@code sampleRate}. */
    public int chunkFrames(int sampleRate) {
        return (int) Math.max(1, Math.round(chunk.toNanos() / 1e9 * sampleRate));
    }

    /** Total frames to record at {@code sampleRate}, or {@link Long#MAX_VALUE} without a duration. */
    public long totalFrames(int sampleRate) {
        return duration == null ? Long.MAX_VALUE : Math.max(1, Math.round(duration.toNanos() / 1e9 * sampleRate));
    }
}
