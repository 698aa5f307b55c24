package org.babble.core.streaming;

/**
 * A stretch of a recording where a person heard {@code label}: one row of a night's ground truth ({@code start_s,end_s,
 * label}). Streaming evaluation counts these, not windows, because a parent is woken by an episode, not by a window.
 */
public record TruthEpisode(String label, long startMs, long endMs) {
    public TruthEpisode {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a truth episode needs a label");
        }
        if (startMs < 0 || endMs <= startMs) {
            throw new IllegalArgumentException("truth episode " + label + " must end after it starts and start at or"
                    + " after 0, got " + startMs + "-" + endMs + " ms");
        }
    }

    public long durationMs() {
        return endMs - startMs;
    }

    /** Whether {@code [startMs, endMs)} comes within {@code toleranceMs} of this episode. */
    boolean touches(long otherStartMs, long otherEndMs, long toleranceMs) {
        return otherStartMs < endMs + toleranceMs && otherEndMs > startMs - toleranceMs;
    }
}
