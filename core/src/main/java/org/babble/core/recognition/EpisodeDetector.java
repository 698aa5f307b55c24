package org.babble.core.recognition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.babble.core.evaluate.TopScore;

/**
 * Turns the scores of overlapping windows over a long recording into episodes ("crying from 45 s to 50 s"): each window
 * goes through {@link RecognizeCommands}; a smoothed detection of a label above the threshold marks the windows in its
 * averaging window whose own top label is that label as part of an episode; detections of one label whose windows
 * overlap or lie at most {@code suppressionMs} apart form one episode.
 *
 * <p>Labels starting with an underscore ({@code _silence_}, {@code _unknown_}) are smoothed like the rest but never
 * reported as episodes. Windows must arrive in time order.
 */
public final class EpisodeDetector {
    private record Window(long startMs, long endMs, float[] scores, int top) {}

    private static final class Open {
        long startMs;
        long endMs;
        double peak;
    }

    private final List<String> labels;
    private final RecognitionSettings settings;
    private final RecognizeCommands recognizer;
    private final List<Window> recent = new ArrayList<>();
    private final Map<String, Open> open = new HashMap<>();
    private final List<Episode> closed = new ArrayList<>();
    private final Map<String, Integer> started = new HashMap<>();

    public EpisodeDetector(List<String> labels, RecognitionSettings settings) {
        this.labels = List.copyOf(labels);
        this.settings = settings;
        this.recognizer = new RecognizeCommands(labels, settings);
    }

    /** Adds the window {@code [startMs, endMs)} and its raw scores; returns the smoothed conclusion at its start. */
    public Recognition add(long startMs, long endMs, float[] scores) {
        Recognition recognition = recognizer.process(startMs, scores);
        recent.add(new Window(startMs, endMs, scores.clone(), TopScore.index(scores)));
        recent.removeIf(w -> w.startMs() < startMs - settings.averageWindowMs());
        String label = recognition.label();
        if (recognition.averaged() && recognition.score() > settings.detectionThreshold() && !label.startsWith("_")) {
            extend(label, labels.indexOf(label));
        }
        return recognition;
    }

    /** All episodes, closed at the end of the recording, in order of start. */
    public List<Episode> finish() {
        for (Map.Entry<String, Open> entry : open.entrySet()) {
            closed.add(toEpisode(entry.getKey(), entry.getValue()));
        }
        open.clear();
        List<Episode> all = new ArrayList<>(closed);
        all.sort(Comparator.comparingLong(Episode::startMs).thenComparing(Episode::label));
        return all;
    }

    /**
     * For a live consumer (babble monitor): the episodes that can no longer grow now that windows up to {@code nowMs}
     * are in, removed from this detector so {@link #finish()} returns only the rest. An open episode is settled once a
     * detection reaching back at most {@code averageWindowMs} from now could not come within {@code suppressionMs} of
     * its end. The union of everything taken and {@code finish()} is exactly what {@code finish()} alone would return.
     */
    public List<Episode> takeSettled(long nowMs) {
        List<Episode> settled = new ArrayList<>(closed);
        closed.clear();
        open.entrySet().removeIf(entry -> {
            if (entry.getValue().endMs + settings.suppressionMs() < nowMs - settings.averageWindowMs()) {
                settled.add(toEpisode(entry.getKey(), entry.getValue()));
                return true;
            }
            return false;
        });
        settled.sort(Comparator.comparingLong(Episode::startMs).thenComparing(Episode::label));
        return settled;
    }

    /**
     * How many episodes of {@code label} have been opened so far, settled or not: a streaming evaluation notes the
     * window at which this grows, the moment a live listener would have been told.
     */
    public int episodesStarted(String label) {
        return started.getOrDefault(label, 0);
    }

    /** For a live consumer: the episodes still open (they may yet grow), as they stand now. */
    public List<Episode> openEpisodes() {
        List<Episode> current = new ArrayList<>();
        open.forEach((label, o) -> current.add(toEpisode(label, o)));
        current.sort(Comparator.comparingLong(Episode::startMs).thenComparing(Episode::label));
        return current;
    }

    private void extend(String label, int index) {
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        double peak = 0;
        for (Window w : recent) {
            if (w.top() == index) {
                start = Math.min(start, w.startMs());
                end = Math.max(end, w.endMs());
                peak = Math.max(peak, w.scores()[index]);
            }
        }
        if (start == Long.MAX_VALUE) {
            Window last = recent.get(recent.size() - 1);
            start = last.startMs();
            end = last.endMs();
            peak = last.scores()[index];
        }
        Open current = open.get(label);
        if (current != null && start > current.endMs + settings.suppressionMs()) {
            closed.add(toEpisode(label, current));
            current = null;
        }
        if (current == null) {
            started.merge(label, 1, Integer::sum);
            current = new Open();
            current.startMs = start;
            current.endMs = end;
            current.peak = peak;
            open.put(label, current);
        } else {
            current.startMs = Math.min(current.startMs, start);
            current.endMs = Math.max(current.endMs, end);
            current.peak = Math.max(current.peak, peak);
        }
    }

    private static Episode toEpisode(String label, Open o) {
        return new Episode(label, o.startMs, o.endMs, o.peak);
    }
}
