package org.babble.cli;

import org.babble.core.frozen.ModelMetadata;
import org.babble.core.recognition.OperatingPoint;
import org.babble.core.recognition.RecognitionSettings;
import picocli.CommandLine.Option;

/**
 * TF RecognizeCommands' smoothing flags, shared by {@code classify} (long recordings), {@code monitor} and the
 * streaming {@code evaluate}: one rule decides the hop and smoothing of all three, so that a figure measured is a
 * figure shipped. A flag wins; then the operating point {@code babble calibrate} stored in the model; then defaults that suit
 * the model's clip length and the hop.
 */
public final class SmoothingMixin {
    @Option(
            names = {"--average-window-ms", "--average_window_ms"},
            paramLabel = "MS",
            description = "Smoothing: average scores over this many ms of windows (default: the model's calibration,"
                    + " else one clip).")
    Long averageWindowMs;

    @Option(
            names = {"--detection-threshold", "--detection_threshold"},
            paramLabel = "P",
            description = "Smoothing: an averaged score above this is a detection (default: the model's calibration,"
                    + " else 0.5).")
    Double detectionThreshold;

    @Option(
            names = {"--suppression-ms", "--suppression_ms"},
            paramLabel = "MS",
            description = "Smoothing: episodes of a label closer than this merge (default: the model's calibration,"
                    + " else one clip).")
    Long suppressionMs;

    @Option(
            names = {"--minimum-count", "--minimum_count"},
            paramLabel = "N",
            description = "Smoothing: windows needed in the average before anything is detected (default: the model's"
                    + " calibration, else 2).")
    Integer minimumCount;

    /** Where windows start, how their scores are smoothed, and whether that came from the model's calibration. */
    record Plan(long hopMs, RecognitionSettings smoothing, boolean calibrated) {}

    /**
     * The plan for {@code model}: the user's {@code --hop} (seconds) when given, else the calibrated hop, else half a
     * clip;
     * each smoothing flag the user gave, else the calibrated value, else the default for the clip length and hop.
     */
    Plan plan(ModelMetadata model, Double hopSeconds) {
        long clipMs = model.featureSettings().clipDurationMs();
        OperatingPoint point = model.operatingPoint();
        long hop = hopSeconds != null
                ? Math.round(hopSeconds * 1000)
                : point != null ? point.hopMs() : Math.max(1, clipMs / 2);
        RecognitionSettings base = point != null ? point.smoothing() : RecognitionSettings.forWindows(clipMs, hop);
        RecognitionSettings smoothing = new RecognitionSettings(
                averageWindowMs != null ? averageWindowMs : base.averageWindowMs(),
                detectionThreshold != null ? detectionThreshold : base.detectionThreshold(),
                suppressionMs != null ? suppressionMs : base.suppressionMs(),
                minimumCount != null ? minimumCount : base.minimumCount());
        return new Plan(hop, smoothing, point != null);
    }
}
