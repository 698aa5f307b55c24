package org.babble.core.streaming;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.babble.core.inference.WindowScores;
import org.babble.core.recognition.Episode;
import org.babble.core.recognition.EpisodeDetector;
import org.babble.core.recognition.RecognitionSettings;

/**
 * Runs window scores through the very {@link EpisodeDetector} that classify and monitor use, and notes when each
 * episode was first opened, so that a figure measured here is the figure a user of those commands gets.
 */
public final class Detections {
    private Detections() {}

    /** The episodes of every label over {@code windows}, each with the time a live listener would have had it. */
    public static List<Detection> of(List<String> labels, RecognitionSettings settings, List<WindowScores> windows) {
        EpisodeDetector detector = new EpisodeDetector(labels, settings);
        Map<String, List<Long>> openedAt = new HashMap<>();
        for (WindowScores w : windows) {
            detector.add(w.startMs(), w.endMs(), w.scores());
            for (String label : labels) {
                List<Long> times = openedAt.computeIfAbsent(label, k -> new ArrayList<>());
                while (times.size() < detector.episodesStarted(label)) {
                    times.add(w.endMs());
                }
            }
        }
        // One label's episodes never overlap, so the k-th by start is the k-th opened.
        Map<String, Integer> seen = new HashMap<>();
        List<Detection> detections = new ArrayList<>();
        for (Episode e : detector.finish()) {
            int k = seen.merge(e.label(), 1, Integer::sum) - 1;
            detections.add(new Detection(e, openedAt.get(e.label()).get(k)));
        }
        return detections;
    }
}
