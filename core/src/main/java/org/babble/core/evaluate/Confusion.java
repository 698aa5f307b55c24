package org.babble.core.evaluate;

import java.util.List;

/**
 * Counts of (true label, predicted label) over a set of clips, with the labels they index. Rows are the truth, as in
 * TF's {@code tf.math.confusion_matrix}.
 */
public record Confusion(List<String> labels, long[][] counts) {
    public Confusion {
        labels = List.copyOf(labels);
        if (counts.length != labels.size()) {
            throw new IllegalArgumentException("confusion rows " + counts.length + " != labels " + labels.size());
        }
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != labels.size()) {
                throw new IllegalArgumentException("confusion row " + i + " has " + counts[i].length + " columns");
            }
            copy[i] = counts[i].clone();
        }
        counts = copy;
    }

    public static Confusion empty(List<String> labels) {
        return new Confusion(labels, new long[labels.size()][labels.size()]);
    }

    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long c : row) {
                n += c;
            }
        }
        return n;
    }

    public long correct() {
        long n = 0;
        for (int i = 0; i < counts.length; i++) {
            n += counts[i][i];
        }
        return n;
    }

    /** Fraction correct, 0 when empty. */
    public double accuracy() {
        long total = total();
        return total == 0 ? 0 : correct() / (double) total;
    }

    /** The matrix as numpy prints it, which is what TF's train.py shows. */
    public String format() {
        int width = 1;
        for (long[] row : counts) {
            for (long c : row) {
                width = Math.max(width, Long.toString(c).length());
            }
        }
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < counts.length; i++) {
            out.append(i == 0 ? "[" : " [");
            for (int j = 0; j < counts[i].length; j++) {
                out.append(String.format("%" + width + "d", counts[i][j]));
                if (j + 1 < counts[i].length) {
                    out.append(' ');
                }
            }
            out.append(']');
            out.append(i + 1 < counts.length ? "\n" : "]");
        }
        return out.toString();
    }
}
