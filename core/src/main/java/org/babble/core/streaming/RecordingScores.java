package org.babble.core.streaming;

import java.util.List;
import org.babble.core.inference.WindowScores;

/**
 * One recording of a streaming evaluation, scored once: the network's window scores (what classify and monitor compute)
 * and the truth to hold the smoothed episodes against. A recording known to hold none of the target sounds has no truth
 * episodes; all its length then counts as negative time.
 *
 * @param name       the file, for messages and provenance
 * @param durationMs the recording's length
 * @param windows    window scores in time order, as {@code Classifier.classifyWindows} returns them
 * @param truth      ground-truth episodes, any order
 */
public record RecordingScores(String name, long durationMs, List<WindowScores> windows, List<TruthEpisode> truth) {
    public RecordingScores {
        windows = List.copyOf(windows);
        truth = List.copyOf(truth);
        if (durationMs <= 0) {
            throw new IllegalArgumentException(name + ": a recording must have a positive length");
        }
    }
}
