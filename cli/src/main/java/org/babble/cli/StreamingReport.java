package org.babble.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.babble.core.recognition.RecognitionSettings;
import org.babble.core.streaming.LabelFigures;
import org.babble.core.streaming.OperatingPointSweep;
import org.babble.core.streaming.RecordingScores;

/**
 * Prints streaming figures the way a parent reads them (episodes found and missed, false alarms per hour, seconds to
 * the alarm) as a text table or JSON, for {@code evaluate --night} and {@code calibrate}.
 */
final class StreamingReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = String.format(
            Locale.ROOT,
            "%-16s %8s %6s %6s %6s %8s %9s %9s %8s %9s",
            "label",
            "episodes",
            "found",
            "missed",
            "false",
            "per_hour",
            "latency_s",
            "worst_s",
            "truth_s",
            "covered_s");

    private StreamingReport() {}

    static void recordings(
            PrintWriter out, List<RecordingScores> recordings, long hopMs, RecognitionSettings s, String source) {
        double hours =
                recordings.stream().mapToLong(RecordingScores::durationMs).sum() / 3_600_000.0;
        long nights = recordings.stream().filter(r -> !r.truth().isEmpty()).count();
        out.printf(
                Locale.ROOT,
                "%d recording%s (%d with ground truth, %d negative), %.3f h; windows every %d ms%n",
                recordings.size(),
                recordings.size() == 1 ? "" : "s",
                nights,
                recordings.size() - nights,
                hours,
                hopMs);
        out.println("smoothing (" + source + "): " + settings(s));
    }

    static void figures(PrintWriter out, List<LabelFigures> figures) {
        out.println(HEADER);
        for (LabelFigures f : figures) {
            out.printf(
                    Locale.ROOT,
                    "%-16s %8d %6d %6d %6d %8.2f %9s %9s %8.1f %9.1f%n",
                    f.label(),
                    f.episodes(),
                    f.found(),
                    f.missed(),
                    f.falseAlarms(),
                    f.falseAlarmsPerHour(),
                    seconds(f.medianLatencyMs()),
                    seconds(f.worstLatencyMs()),
                    f.truthSeconds(),
                    f.coveredSeconds());
        }
    }

    static void sweep(PrintWriter out, OperatingPointSweep sweep) {
        List<OperatingPointSweep.Point> frontier = sweep.frontier();
        out.printf(
                Locale.ROOT,
                "sweep of %s: %d settings, %d on the frontier (no other setting misses fewer with as"
                        + " few false alarms per hour)%n",
                sweep.label(),
                sweep.points().size(),
                frontier.size());
        out.printf(
                Locale.ROOT,
                "%9s %10s %9s %14s %6s %6s %6s %8s %9s%n",
                "threshold",
                "average_ms",
                "min_count",
                "suppression_ms",
                "found",
                "missed",
                "false",
                "per_hour",
                "latency_s");
        for (OperatingPointSweep.Point p : frontier) {
            RecognitionSettings s = p.settings();
            LabelFigures f = p.figures();
            out.printf(
                    Locale.ROOT,
                    "%9.2f %10d %9d %14d %6d %6d %6d %8.2f %9s%n",
                    s.detectionThreshold(),
                    s.averageWindowMs(),
                    s.minimumCount(),
                    s.suppressionMs(),
                    f.found(),
                    f.missed(),
                    f.falseAlarms(),
                    f.falseAlarmsPerHour(),
                    seconds(f.medianLatencyMs()));
        }
    }

    static void chosen(PrintWriter out, OperatingPointSweep.Point chosen, double target) {
        if (chosen == null) {
            out.printf(Locale.ROOT, "no setting keeps within %.2f false alarms per hour%n", target);
            return;
        }
        LabelFigures f = chosen.figures();
        out.printf(
                Locale.ROOT,
                "chosen for at most %.2f false alarms per hour: %s; found %d of %d, %.2f false alarms" + " per hour%n",
                target,
                settings(chosen.settings()),
                f.found(),
                f.episodes(),
                f.falseAlarmsPerHour());
    }

    static String settings(RecognitionSettings s) {
        return String.format(
                Locale.ROOT,
                "--detection-threshold %.2f --average-window-ms %d --minimum-count %d" + " --suppression-ms %d",
                s.detectionThreshold(),
                s.averageWindowMs(),
                s.minimumCount(),
                s.suppressionMs());
    }

    static ObjectNode json(
            List<RecordingScores> recordings,
            long hopMs,
            RecognitionSettings s,
            String source,
            List<LabelFigures> figures) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode files = root.putArray("recordings");
        for (RecordingScores r : recordings) {
            files.addObject()
                    .put("file", r.name())
                    .put("duration_s", r.durationMs() / 1000.0)
                    .put("truth_episodes", r.truth().size())
                    .put("windows", r.windows().size());
        }
        root.put("hop_ms", hopMs);
        root.set("smoothing", settingsJson(s).put("source", source));
        ArrayNode labels = root.putArray("labels");
        figures.forEach(f -> labels.add(figuresJson(f)));
        return root;
    }

    static ObjectNode sweepJson(OperatingPointSweep sweep, OperatingPointSweep.Point chosen, Double target) {
        ObjectNode node = JSON.createObjectNode().put("label", sweep.label());
        if (target != null) {
            node.put("target_false_alarms_per_hour", target);
            node.set("chosen", chosen == null ? null : pointJson(chosen, true));
        }
        List<OperatingPointSweep.Point> frontier = sweep.frontier();
        ArrayNode points = node.putArray("points");
        sweep.points().forEach(p -> points.add(pointJson(p, frontier.contains(p))));
        return node;
    }

    private static ObjectNode pointJson(OperatingPointSweep.Point p, boolean frontier) {
        ObjectNode node = JSON.createObjectNode();
        node.set("smoothing", settingsJson(p.settings()));
        node.set("figures", figuresJson(p.figures()));
        return node.put("frontier", frontier);
    }

    private static ObjectNode settingsJson(RecognitionSettings s) {
        return JSON.createObjectNode()
                .put("detection_threshold", s.detectionThreshold())
                .put("average_window_ms", s.averageWindowMs())
                .put("minimum_count", s.minimumCount())
                .put("suppression_ms", s.suppressionMs());
    }

    private static ObjectNode figuresJson(LabelFigures f) {
        ObjectNode node = JSON.createObjectNode()
                .put("label", f.label())
                .put("episodes", f.episodes())
                .put("found", f.found())
                .put("missed", f.missed())
                .put("false_alarms", f.falseAlarms())
                .put("negative_hours", f.negativeHours())
                .put("false_alarms_per_hour", f.falseAlarmsPerHour());
        if (f.medianLatencyMs() >= 0) {
            node.put("latency_median_s", f.medianLatencyMs() / 1000.0)
                    .put("latency_worst_s", f.worstLatencyMs() / 1000.0);
        } else {
            node.putNull("latency_median_s").putNull("latency_worst_s");
        }
        return node.put("truth_s", f.truthSeconds()).put("covered_s", f.coveredSeconds());
    }

    private static String seconds(long ms) {
        return ms < 0 ? "-" : String.format(Locale.ROOT, "%.2f", ms / 1000.0);
    }
}
