package org.babble.core.streaming;

/**
 * What a night felt like for one label: episodes found and missed, false alarms and their rate per hour of audio that
 * held none of this label, how long after an onset the detection came, and how much of the labelled time was covered.
 *
 * @param label              the label
 * @param episodes           ground-truth episodes of it
 * @param found              of those, how many some detection of the label touched (within the tolerance)
 * @param falseAlarms        detections of the label that touched no ground-truth episode of it
 * @param negativeHours      hours of audio outside this label's ground-truth episodes
 * @param medianLatencyMs    median time from a found episode's onset to its first detection (0 when detected at once),
 *                           or -1 when none was found
 * @param worstLatencyMs     the longest such time, or -1 when none was found
 * @param truthSeconds       seconds of ground truth of the label
 * @param coveredSeconds     of those, seconds inside a detection of the label
 */
public record LabelFigures(
        String label,
        int episodes,
        int found,
        int falseAlarms,
        double negativeHours,
        long medianLatencyMs,
        long worstLatencyMs,
        double truthSeconds,
        double coveredSeconds) {

    public int missed() {
        return episodes - found;
    }

    /** Missed episodes as a share of all, 0 when there were none to find. */
    public double missRate() {
        return episodes == 0 ? 0 : missed() / (double) episodes;
    }

    /** False alarms per hour of negative audio; 0 over no negative audio. */
    public double falseAlarmsPerHour() {
        return negativeHours <= 0 ? 0 : falseAlarms / negativeHours;
    }
}
