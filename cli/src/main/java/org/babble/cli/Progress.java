package org.babble.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of long work: a bar with ETA on a terminal, and on a pipe or in CI a plain line every ~10% so logs stay
 * readable. Always on stderr, so stdout carries only results.
 */
public final class Progress implements AutoCloseable {
    private final ProgressBar bar;
    private final PrintStream plain;
    private final String task;
    private final long total;
    private long done;
    private long lastReportedTenth = -1;

    private Progress(String task, long total, ProgressBar bar, PrintStream plain) {
        this.task = task;
        this.total = total;
        this.bar = bar;
        this.plain = plain;
    }

    /** Starts a bar of {@code total} steps; {@code quiet} shows nothing at all. */
    public static Progress start(String task, long total, boolean quiet) {
        if (quiet) {
            return new Progress(task, total, null, null);
        }
        if (Terminal.attached()) {
            ProgressBar bar = new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .setUpdateIntervalMillis(250)
                    .build();
            return new Progress(task, total, bar, null);
        }
        return new Progress(task, total, null, System.err);
    }

    public void step() {
        stepBy(1);
    }

    public void stepBy(long n) {
        done += n;
        if (bar != null) {
            bar.stepBy(n);
        } else if (plain != null && total > 0) {
            long tenth = done * 10 / total;
            if (tenth != lastReportedTenth && total >= 20) {
                lastReportedTenth = tenth;
                plain.printf("%s: %d/%d (%d%%)%n", task, done, total, done * 100 / total);
            }
        }
    }

    /** Extra text shown beside the bar (e.g. current accuracy). */
    public void extra(String message) {
        if (bar != null) {
            bar.setExtraMessage(message);
        }
    }

    /** Whether a live bar is drawn (so callers can skip per-step lines). */
    public boolean isLive() {
        return bar != null;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
