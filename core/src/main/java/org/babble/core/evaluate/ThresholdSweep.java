package org.babble.core.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One label as a detector: sweeping a threshold over its score gives the ROC curve (true-positive rate against
 * false-alarm rate), its area, and the lowest threshold whose false-alarm rate stays within a target, which is what a
 * night-time monitor should be set to.
 */
public record ThresholdSweep(String label, List<Point> points, double auc) {
    /** Clips at or above {@code threshold} are called the label. */
    public record Point(double threshold, double truePositiveRate, double falsePositiveRate) {}

    public static ThresholdSweep of(Scores scores, String positive) {
        int k = scores.labels().indexOf(positive);
        if (k < 0) {
            throw new IllegalArgumentException("no label '" + positive + "' among " + scores.labels());
        }
        int n = scores.size();
        Integer[] order = new Integer[n];
        long positives = 0;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            if (scores.truth()[i] == k) {
                positives++;
            }
        }
        long negatives = n - positives;
        Arrays.sort(
                order,
                Comparator.comparingDouble((Integer i) -> scores.scores()[i][k]).reversed());
        List<Point> points = new ArrayList<>();
        points.add(new Point(Double.POSITIVE_INFINITY, 0, 0));
        long tp = 0;
        long fp = 0;
        double auc = 0;
        double lastTpr = 0;
        double lastFpr = 0;
        for (int r = 0; r < n; r++) {
            int i = order[r];
            if (scores.truth()[i] == k) {
                tp++;
            } else {
                fp++;
            }
            boolean tieNext = r + 1 < n && scores.scores()[order[r + 1]][k] == scores.scores()[i][k];
            if (!tieNext) {
                double tpr = positives == 0 ? 0 : tp / (double) positives;
                double fpr = negatives == 0 ? 0 : fp / (double) negatives;
                auc += (fpr - lastFpr) * (tpr + lastTpr) / 2;
                points.add(new Point(scores.scores()[i][k], tpr, fpr));
                lastTpr = tpr;
                lastFpr = fpr;
            }
        }
        return new ThresholdSweep(positive, points, auc);
    }

    /** The lowest threshold whose false-alarm rate is at most {@code rate} (the most sensitive acceptable setting). */
    public Point atFalseAlarmRate(double rate) {
        Point best = points.get(0);
        for (Point p : points) {
            if (p.falsePositiveRate() <= rate) {
                best = p;
            }
        }
        return best;
    }
}
