package org.babble.core.recognition;

import java.util.Locale;

/**
 * One stretch of a recording where a label was detected: {@code crying 00:00:45.0–00:00:50.0 (peak 0.97)}.
 *
 * @param label   the detected label
 * @param startMs start of the first window that heard it
 * @param endMs   end of the last window that heard it
 * @param peak    the highest raw score of the label among those windows
 */
public record Episode(String label, long startMs, long endMs, double peak) {

    public Episode {
        if (endMs < startMs) {
            throw new IllegalArgumentException("episode ends (" + endMs + " ms) before it starts (" + startMs + " ms)");
        }
    }

    public long durationMs() {
        return endMs - startMs;
    }

    /** The line classify prints. */
    public String format() {
        return String.format(Locale.ROOT, "%s %s\u2013%s (peak %.2f)", label, clock(startMs), clock(endMs), peak);
    }

    /** {@code HH:MM:SS.s}, tenths rounded. */
    public static String clock(long ms) {
        long tenths = Math.round(ms / 100.0);
        long seconds = tenths / 10;
        return String.format(
                Locale.ROOT, "%02d:%02d:%02d.%d", seconds / 3600, seconds / 60 % 60, seconds % 60, tenths % 10);
    }
}
