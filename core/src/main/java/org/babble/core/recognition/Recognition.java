package org.babble.core.recognition;

/**
 * What {@link RecognizeCommands} concluded at one moment.
 *
 * @param timeMs       time of the result that was just added
 * @param label        the label with the highest averaged score (or the previous top label while too few results are in)
 * @param score        its averaged score; 0 when there were too few results to average
 * @param newCommand   whether this is a fresh detection (above threshold, different from the last, outside suppression)
 * @param averaged     whether enough results were in the window to average
 */
public record Recognition(long timeMs, String label, double score, boolean newCommand, boolean averaged) {}
