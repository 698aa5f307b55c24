package org.babble.core.recognition;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Smooths a stream of per-window scores the way TensorFlow's speech_commands {@code RecognizeCommands} does: average the
 * scores of the results in the last {@code averageWindowMs}, take the top label, and announce it as a new command only
 * when it beats the threshold, differs from the previous announcement and is outside the suppression time.
 *
 * <p>Results must arrive in time order. One instance per stream; not thread-safe.
 */
public final class RecognizeCommands {
    /** TF treats a previous {@code _silence_} as "nothing announced yet", so silence never suppresses a command. */
    public static final String SILENCE = "_silence_";

    private record Result(long timeMs, float[] scores) {}

    private final List<String> labels;
    private final RecognitionSettings settings;
    private final Deque<Result> window = new ArrayDeque<>();
    private String previousTopLabel = SILENCE;
    private long previousTopLabelTimeMs = Long.MIN_VALUE;

    public RecognizeCommands(List<String> labels, RecognitionSettings settings) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("at least one label is needed");
        }
        this.labels = List.copyOf(labels);
        this.settings = settings;
    }

    /** Adds the scores of the window that started at {@code timeMs} and returns the smoothed conclusion. */
    public Recognition process(long timeMs, float[] scores) {
        if (scores.length != labels.size()) {
            throw new IllegalArgumentException("expected " + labels.size() + " scores, got " + scores.length);
        }
        if (!window.isEmpty() && timeMs < window.peekLast().timeMs()) {
            throw new IllegalArgumentException("result at " + timeMs + " ms is older than the previous one at "
                    + window.peekLast().timeMs() + " ms");
        }
        window.addLast(new Result(timeMs, scores.clone()));
        long oldest = timeMs - settings.averageWindowMs();
        while (window.peekFirst().timeMs() < oldest) {
            window.removeFirst();
        }
        long covered = timeMs - window.peekFirst().timeMs();
        if (window.size() < settings.minimumCount() || covered < settings.averageWindowMs() / 4) {
            return new Recognition(timeMs, previousTopLabel, 0, false, false);
        }
        double[] average = new double[labels.size()];
        for (Result result : window) {
            for (int i = 0; i < average.length; i++) {
                average[i] += result.scores()[i];
            }
        }
        int top = 0;
        for (int i = 0; i < average.length; i++) {
            average[i] /= window.size();
            if (average[i] > average[top]) {
                top = i;
            }
        }
        String topLabel = labels.get(top);
        double topScore = average[top];
        long sinceLast = previousTopLabel.equals(SILENCE) || previousTopLabelTimeMs == Long.MIN_VALUE
                ? Long.MAX_VALUE
                : timeMs - previousTopLabelTimeMs;
        boolean fresh = topScore > settings.detectionThreshold()
                && !topLabel.equals(previousTopLabel)
                && sinceLast > settings.suppressionMs();
        if (fresh) {
            previousTopLabel = topLabel;
            previousTopLabelTimeMs = timeMs;
        }
        return new Recognition(timeMs, topLabel, topScore, fresh, true);
    }
}
