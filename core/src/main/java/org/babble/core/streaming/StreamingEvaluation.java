package org.babble.core.streaming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.babble.core.recognition.RecognitionSettings;

/**
 * Episode figures per label over several recordings, for one smoothing setting: the streaming counterpart of a
 * confusion matrix, in the units a parent feels (episodes found, false alarms per hour, seconds to the alarm).
 */
public final class StreamingEvaluation {
    private StreamingEvaluation() {}

    /**
     * Figures for every label of the model that is not TF's {@code _silence_}/{@code _unknown_}, in model order.
     *
     * @param toleranceMs how far a detection may lie outside an episode and still count as finding it
     */
    public static List<LabelFigures> evaluate(
            List<String> labels, List<RecordingScores> recordings, RecognitionSettings settings, long toleranceMs) {
        Map<String, EpisodeTally> tallies = new LinkedHashMap<>();
        for (String label : labels) {
            if (!label.startsWith("_")) {
                tallies.put(label, new EpisodeTally(label, toleranceMs));
            }
        }
        for (RecordingScores r : recordings) {
            List<Detection> detections = Detections.of(labels, settings, r.windows());
            tallies.values().forEach(t -> t.add(r.durationMs(), r.truth(), detections));
        }
        List<LabelFigures> figures = new ArrayList<>();
        tallies.values().forEach(t -> figures.add(t.figures()));
        return figures;
    }

    /** The figures of one label: {@link #evaluate} restricted to it. */
    public static LabelFigures evaluate(
            String label,
            List<String> labels,
            List<RecordingScores> recordings,
            RecognitionSettings settings,
            long toleranceMs) {
        EpisodeTally tally = new EpisodeTally(label, toleranceMs);
        for (RecordingScores r : recordings) {
            tally.add(r.durationMs(), r.truth(), Detections.of(labels, settings, r.windows()));
        }
        return tally.figures();
    }
}
