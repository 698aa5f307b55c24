package org.babble.core.recognition;

import java.util.List;

/**
 * The smoothing a model was calibrated to, carried in the model file so that classify and monitor use the setting that
 * was measured rather than a generic default, and the evidence for it: on which recordings, for which label, within
 * which false-alarm budget, and what it then missed and raised.
 *
 * @param label                      the label the setting was tuned for
 * @param hopMs                      distance between windows it was measured with (classify and monitor use it too)
 * @param smoothing                  the chosen smoothing
 * @param targetFalseAlarmsPerHour   the budget asked for
 * @param episodes                   ground-truth episodes of the label in the calibration recordings
 * @param missed                     of those, missed at this setting
 * @param falseAlarmsPerHour         measured at this setting
 * @param negativeHours              hours of audio without the label that the rate was measured on
 * @param recordings                 the calibration recordings, as given
 * @param date                       when it was calibrated (ISO-8601)
 */
public record OperatingPoint(
        String label,
        long hopMs,
        RecognitionSettings smoothing,
        double targetFalseAlarmsPerHour,
        int episodes,
        int missed,
        double falseAlarmsPerHour,
        double negativeHours,
        List<String> recordings,
        String date) {

    public OperatingPoint {
        if (label == null || label.isBlank() || hopMs <= 0 || smoothing == null) {
            throw new IllegalArgumentException("an operating point needs a label, a positive hop and a smoothing");
        }
        if (!(targetFalseAlarmsPerHour >= 0)
                || episodes < 0
                || missed < 0
                || missed > episodes
                || !(falseAlarmsPerHour >= 0)
                || !(negativeHours >= 0)) {
            throw new IllegalArgumentException(
                    "an operating point's figures must be non-negative, with misses at most" + " the episodes");
        }
        recordings = recordings == null ? List.of() : List.copyOf(recordings);
    }
}
