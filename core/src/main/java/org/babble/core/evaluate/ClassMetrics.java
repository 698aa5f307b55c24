package org.babble.core.evaluate;

import java.util.ArrayList;
import java.util.List;

/**
 * Precision, recall and F1 of one label, read off a confusion matrix (rows truth, columns prediction). A label never
 * predicted has precision 0; one never present has recall 0; both are reported rather than hidden.
 */
public record ClassMetrics(String label, long support, double precision, double recall, double f1) {
    public static List<ClassMetrics> of(Confusion confusion) {
        long[][] c = confusion.counts();
        List<ClassMetrics> out = new ArrayList<>();
        for (int k = 0; k < c.length; k++) {
            long tp = c[k][k];
            long predicted = 0;
            long actual = 0;
            for (int j = 0; j < c.length; j++) {
                predicted += c[j][k];
                actual += c[k][j];
            }
            double precision = predicted == 0 ? 0 : tp / (double) predicted;
            double recall = actual == 0 ? 0 : tp / (double) actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            out.add(new ClassMetrics(confusion.labels().get(k), actual, precision, recall, f1));
        }
        return out;
    }
}
