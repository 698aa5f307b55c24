package org.babble.cli;

import java.util.List;
import org.babble.core.streaming.SweepGrid;
import picocli.CommandLine.Option;

/**
 * How an operating point is searched for ({@code evaluate --sweep}, {@code calibrate}): the grid of smoothing settings,
 * the false-alarm budget, and the DET plot. A smoothing flag the user gave pins that setting instead of sweeping it.
 */
final class SweepOptions {
    @Option(
            names = {"--target-false-alarms-per-hour", "--target_false_alarms_per_hour"},
            paramLabel = "X",
            description = "Pick the setting with the fewest missed episodes among those with at most X false alarms"
                    + " per hour.")
    Double targetPerHour;

    @Option(
            names = "--thresholds",
            split = ",",
            paramLabel = "P,P...",
            description = "Detection thresholds to sweep (default: 0.30 to 0.95 by 0.05, 0.97, 0.99).")
    List<Double> thresholds;

    @Option(
            names = "--det-plot",
            paramLabel = "PNG",
            description = "Draw the sweep as a DET curve (episodes missed against false alarms per hour) here.")
    java.nio.file.Path detPlot;

    /** Usage problems with these options, or null. */
    String problem() {
        if (targetPerHour != null && !(targetPerHour >= 0)) {
            return "--target-false-alarms-per-hour must be zero or more";
        }
        if (thresholds != null && thresholds.stream().anyMatch(t -> !(t >= 0 && t <= 1))) {
            return "--thresholds must lie between 0 and 1";
        }
        return null;
    }

    /** The default grid for these windows, with every setting the user fixed by a flag held at that value. */
    SweepGrid grid(long clipMs, long hopMs, SmoothingMixin flags) {
        SweepGrid all = SweepGrid.forWindows(clipMs, hopMs);
        return new SweepGrid(
                flags.detectionThreshold != null
                        ? List.of(flags.detectionThreshold)
                        : thresholds != null ? thresholds : all.thresholds(),
                flags.averageWindowMs != null ? List.of(flags.averageWindowMs) : all.averageWindowsMs(),
                flags.minimumCount != null ? List.of(flags.minimumCount) : all.minimumCounts(),
                flags.suppressionMs != null ? List.of(flags.suppressionMs) : all.suppressionsMs());
    }
}
