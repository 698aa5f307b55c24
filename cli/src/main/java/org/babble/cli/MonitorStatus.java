package org.babble.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.babble.core.monitor.Monitor;
import org.babble.core.monitor.MonitorListener;
import org.babble.core.recognition.Episode;

/**
 * What {@code babble monitor} shows while it runs: a line per finished episode on stdout (the results), and on a
 * terminal one status line on stderr (time, top label, level) redrawn at most five times a second instead of a line per
 * window. Adds up minutes per label for the closing summary.
 */
final class MonitorStatus implements MonitorListener {
    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean live;
    private final Map<String, Long> episodeMs = new TreeMap<>();
    private final Map<String, Integer> episodeCount = new TreeMap<>();
    private long lastDraw;
    private boolean drawn;

    MonitorStatus(PrintWriter out, PrintWriter err, boolean live) {
        this.out = out;
        this.err = err;
        this.live = live;
    }

    @Override
    public void window(Instant start, String topLabel, double score, double levelDb) {
        long now = System.nanoTime();
        if (!live || now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        err.print("\r" + statusLine(start, topLabel, score, levelDb));
        err.flush();
        drawn = true;
    }

    /** {@code 21:03:15  crying 0.93  -23.4 dBFS}, padded so a shorter line covers a longer one. */
    static String statusLine(Instant start, String topLabel, double score, double levelDb) {
        String level = Double.isInfinite(levelDb) ? "silent" : String.format(Locale.ROOT, "%.1f dBFS", levelDb);
        return String.format(Locale.ROOT, "%s  %-12s %.2f  %-12s", TIME.format(start), topLabel, score, level);
    }

    @Override
    public void episodeEnded(Instant start, Instant end, Episode episode) {
        episodeMs.merge(episode.label(), episode.durationMs(), Long::sum);
        episodeCount.merge(episode.label(), 1, Integer::sum);
        clear();
        out.println(episodeLine(start, episode));
        out.flush();
    }

    /** {@code 2026-11-20 21:00:10  crying  15.0 s  (peak 0.97)}. */
    static String episodeLine(Instant start, Episode episode) {
        return String.format(
                Locale.ROOT,
                "%s  %s  %.1f s  (peak %.2f)",
                DAY_TIME.format(start),
                episode.label(),
                episode.durationMs() / 1000.0,
                episode.peak());
    }

    @Override
    public void note(String message) {
        clear();
        err.println("babble: " + message);
        err.flush();
    }

    void clear() {
        if (drawn) {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
            drawn = false;
        }
    }

    void printSummary(Monitor.Summary summary, double wallSeconds) {
        out.printf(
                Locale.ROOT,
                "%s: %s of audio in %.1f s (%.1fx real time), %d windows, %d episodes%n",
                summary.endReason(),
                Episode.clock(Math.round(summary.audioSeconds() * 1000)),
                wallSeconds,
                summary.audioSeconds() / Math.max(1e-9, wallSeconds),
                summary.windows(),
                summary.episodes());
        for (Map.Entry<String, Long> e : episodeMs.entrySet()) {
            out.printf(
                    Locale.ROOT,
                    "  %-14s %8.2f min in %d episode%s%n",
                    e.getKey(),
                    e.getValue() / 60_000.0,
                    episodeCount.get(e.getKey()),
                    episodeCount.get(e.getKey()) == 1 ? "" : "s");
        }
        out.flush();
    }
}
