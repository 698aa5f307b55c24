package org.babble.core.monitor;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.babble.core.recognition.RecognitionSettings;

/**
 * How a monitor run listens: a window every {@code hopMs}, smoothed with {@code recognition}; {@code label} is the
 * episode label that fires {@code onDetect} (at most once per {@code onDetectEveryMs}); {@code keepAudio} collects each
 * episode's audio for the next training round; {@code origin} is the wall-clock time of the first sample.
 */
public record MonitorSettings(
        long hopMs,
        RecognitionSettings recognition,
        String label,
        Optional<String> onDetect,
        long onDetectEveryMs,
        Optional<Path> keepAudio,
        Instant origin) {
    public MonitorSettings {
        if (hopMs <= 0) {
            throw new IllegalArgumentException("hop must be positive, got " + hopMs + " ms");
        }
        if (onDetectEveryMs < 0) {
            throw new IllegalArgumentException("on-detect-every must not be negative, got " + onDetectEveryMs + " ms");
        }
        if (recognition == null || label == null || origin == null) {
            throw new IllegalArgumentException("recognition, label and origin are required");
        }
    }
}
