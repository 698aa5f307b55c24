package org.babble.core.streaming;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.babble.core.recognition.RecognitionSettings;

/**
 * The smoothing settings an operating-point sweep tries: detection thresholds crossed with averaging windows, minimum
 * counts and suppression times. The defaults span what matters for windows of one clip every hop: averaging over one
 * window up to two clips, one to three windows, and suppression of one or two clips.
 */
public record SweepGrid(
        List<Double> thresholds, List<Long> averageWindowsMs, List<Integer> minimumCounts, List<Long> suppressionsMs) {

    public SweepGrid {
        thresholds = List.copyOf(thresholds);
        averageWindowsMs = List.copyOf(averageWindowsMs);
        minimumCounts = List.copyOf(minimumCounts);
        suppressionsMs = List.copyOf(suppressionsMs);
        if (thresholds.isEmpty() || averageWindowsMs.isEmpty() || minimumCounts.isEmpty() || suppressionsMs.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one value of each setting");
        }
    }

    /** The default grid for windows of {@code clipMs} every {@code hopMs}. */
    public static SweepGrid forWindows(long clipMs, long hopMs) {
        List<Double> thresholds = new ArrayList<>();
        for (int t = 30; t <= 95; t += 5) {
            thresholds.add(t / 100.0);
        }
        thresholds.add(0.97);
        thresholds.add(0.99);
        List<Long> windows = new ArrayList<>(new TreeSet<>(List.of(Math.max(1, hopMs), clipMs, 2 * clipMs)));
        return new SweepGrid(thresholds, windows, List.of(1, 2, 3), List.of(clipMs, 2 * clipMs));
    }

    /** Every combination, thresholds varying fastest. */
    public List<RecognitionSettings> settings() {
        List<RecognitionSettings> all = new ArrayList<>();
        for (long window : averageWindowsMs) {
            for (int count : minimumCounts) {
                for (long suppression : suppressionsMs) {
                    for (double threshold : thresholds) {
                        all.add(new RecognitionSettings(window, threshold, suppression, count));
                    }
                }
            }
        }
        return all;
    }
}
