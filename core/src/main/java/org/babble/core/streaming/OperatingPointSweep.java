package org.babble.core.streaming;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.babble.core.recognition.RecognitionSettings;

/**
 * Every setting of a {@link SweepGrid} measured on the same scored recordings for one label, as openWakeWord and
 * microWakeWord tune a detector: misses against false alarms per hour, and the setting that misses least within a
 * false-alarm budget. The network runs once per recording; only the smoothing is repeated.
 */
public final class OperatingPointSweep {
    /** One setting and what it gave. */
    public record Point(RecognitionSettings settings, LabelFigures figures) {}

    /** Fewest misses, then fewest false alarms, then the quickest alarm, then the highest threshold. */
    private static final Comparator<Point> BEST = Comparator.comparingInt(
                    (Point p) -> p.figures().missed())
            .thenComparingDouble(p -> p.figures().falseAlarmsPerHour())
            .thenComparingLong(p -> p.figures().medianLatencyMs() < 0
                    ? Long.MAX_VALUE
                    : p.figures().medianLatencyMs())
            .thenComparing(p -> -p.settings().detectionThreshold());

    private final String label;
    private final List<Point> points;

    private OperatingPointSweep(String label, List<Point> points) {
        this.label = label;
        this.points = List.copyOf(points);
    }

    public static OperatingPointSweep run(
            String label, List<String> labels, List<RecordingScores> recordings, SweepGrid grid, long toleranceMs) {
        List<Point> points = new ArrayList<>();
        for (RecognitionSettings s : grid.settings()) {
            points.add(new Point(s, StreamingEvaluation.evaluate(label, labels, recordings, s, toleranceMs)));
        }
        return new OperatingPointSweep(label, points);
    }

    public String label() {
        return label;
    }

    public List<Point> points() {
        return points;
    }

    /** The setting with the fewest misses among those within {@code falseAlarmsPerHour}, if any is. */
    public Optional<Point> best(double falseAlarmsPerHour) {
        return points.stream()
                .filter(p -> p.figures().falseAlarmsPerHour() <= falseAlarmsPerHour)
                .min(BEST);
    }

    /**
     * The points no other point beats on both axes (miss rate and false alarms per hour), by rising false-alarm rate:
     * the DET curve of the whole grid.
     */
    public List<Point> frontier() {
        List<Point> sorted = new ArrayList<>(points);
        // Among settings with the same two figures, the one best() would pick stands for them.
        sorted.sort(Comparator.comparingDouble((Point p) -> p.figures().falseAlarmsPerHour())
                .thenComparingDouble(p -> p.figures().missRate())
                .thenComparing(BEST));
        List<Point> frontier = new ArrayList<>();
        double lowestMiss = Double.POSITIVE_INFINITY;
        for (Point p : sorted) {
            if (p.figures().missRate() < lowestMiss) {
                frontier.add(p);
                lowestMiss = p.figures().missRate();
            }
        }
        return frontier;
    }
}
