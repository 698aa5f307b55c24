package org.babble.core.recognition;

/**
 * How per-window scores are smoothed into detections, with the knobs of TensorFlow's {@code RecognizeCommands}: a single
 * loud window should not raise an alarm, and one long cry should raise one.
 *
 * @param averageWindowMs    scores of the windows that started within this many ms are averaged
 * @param detectionThreshold an averaged score must exceed this to count as a detection
 * @param suppressionMs      after a new detection, the same or another label is not announced again for this long; two
 *                           episodes of one label separated by at most this gap are merged
 * @param minimumCount       fewer results than this in the averaging window give no detection
 */
public record RecognitionSettings(
        long averageWindowMs, double detectionThreshold, long suppressionMs, int minimumCount) {

    public RecognitionSettings {
        require(averageWindowMs >= 0, "averageWindowMs", averageWindowMs);
        require(detectionThreshold >= 0 && detectionThreshold <= 1, "detectionThreshold (0..1)", detectionThreshold);
        require(suppressionMs >= 0, "suppressionMs", suppressionMs);
        require(minimumCount >= 1, "minimumCount", minimumCount);
    }

    /**
     * Defaults for windows of {@code clipMs} every {@code hopMs}: average over one clip length (three results at a hop of
     * half a clip), threshold 0.5, suppression of one clip length, and at least two results.
     */
    public static RecognitionSettings forWindows(long clipMs, long hopMs) {
        return new RecognitionSettings(clipMs, 0.5, clipMs, Math.max(1, (int)
                Math.min(2, clipMs / Math.max(1, hopMs))));
    }

    private static void require(boolean ok, String field, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("invalid recognition setting " + field + ": " + value);
        }
    }
}
