package org.babble.core.evaluate;

/** Which label a score vector picks: the first of its highest scores, the same rule wherever a prediction is made. */
public final class TopScore {
    private TopScore() {}

    /** Index of the highest score; the first one on a tie. */
    public static int index(float[] scores) {
        int top = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[top]) {
                top = i;
            }
        }
        return top;
    }
}
