package org.babble.core.streaming;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds one label's detections against its ground truth, recording by recording, and sums them into
 * {@link LabelFigures}. An episode is found when a detection of its label comes within the tolerance of it (TF's
 * {@code test_streaming_accuracy} uses a time tolerance the same way); a detection that comes near no episode of its
 * label is a false alarm, whatever else was going on then.
 */
public final class EpisodeTally {
    private final String label;
    private final long toleranceMs;
    private final List<Long> latencies = new ArrayList<>();
    private int episodes;
    private int falseAlarms;
    private long negativeMs;
    private long truthMs;
    private long coveredMs;

    public EpisodeTally(String label, long toleranceMs) {
        if (toleranceMs < 0) {
            throw new IllegalArgumentException("tolerance must not be negative, got " + toleranceMs + " ms");
        }
        this.label = label;
        this.toleranceMs = toleranceMs;
    }

    /** Adds one recording of {@code durationMs}; truth and detections of other labels are ignored. */
    public void add(long durationMs, List<TruthEpisode> truth, List<Detection> detections) {
        List<TruthEpisode> mine =
                truth.stream().filter(t -> t.label().equals(label)).toList();
        List<Detection> fired =
                detections.stream().filter(d -> d.label().equals(label)).toList();
        long labelled = 0;
        for (TruthEpisode t : mine) {
            episodes++;
            labelled += t.durationMs();
            long first = Long.MAX_VALUE;
            for (Detection d : fired) {
                if (t.touches(d.episode().startMs(), d.episode().endMs(), toleranceMs)) {
                    first = Math.min(first, d.detectedAtMs());
                }
            }
            if (first != Long.MAX_VALUE) {
                latencies.add(Math.max(0, first - t.startMs()));
            }
            coveredMs += covered(t, fired);
        }
        for (Detection d : fired) {
            if (mine.stream()
                    .noneMatch(t -> t.touches(d.episode().startMs(), d.episode().endMs(), toleranceMs))) {
                falseAlarms++;
            }
        }
        truthMs += labelled;
        negativeMs += Math.max(0, durationMs - labelled);
    }

    public LabelFigures figures() {
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long median = sorted.length == 0
                ? -1
                : sorted.length % 2 == 1
                        ? sorted[sorted.length / 2]
                        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        long worst = sorted.length == 0 ? -1 : sorted[sorted.length - 1];
        return new LabelFigures(
                label,
                episodes,
                sorted.length,
                falseAlarms,
                negativeMs / 3_600_000.0,
                median,
                worst,
                truthMs / 1000.0,
                coveredMs / 1000.0);
    }

    /** Milliseconds of {@code t} inside the union of the detections (they may overlap each other). */
    private static long covered(TruthEpisode t, List<Detection> detections) {
        long[][] spans = detections.stream()
                .map(d -> new long[] {
                    Math.max(t.startMs(), d.episode().startMs()),
                    Math.min(t.endMs(), d.episode().endMs())
                })
                .filter(s -> s[1] > s[0])
                .sorted((a, b) -> Long.compare(a[0], b[0]))
                .toArray(long[][]::new);
        long total = 0;
        long reach = Long.MIN_VALUE;
        for (long[] s : spans) {
            long from = Math.max(s[0], reach);
            if (s[1] > from) {
                total += s[1] - from;
            }
            reach = Math.max(reach, s[1]);
        }
        return total;
    }
}
