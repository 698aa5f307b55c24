package org.babble.cli;

import java.nio.file.Path;
import java.util.List;
import org.babble.core.frozen.FrozenModel;
import org.babble.core.inference.Classifier;
import org.babble.core.streaming.LabelFigures;
import org.babble.core.streaming.OperatingPointSweep;
import org.babble.core.streaming.StreamingEvaluation;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * One streaming evaluation's shared steps for {@code evaluate --night} and {@code calibrate}: the model, the hop and
 * smoothing {@link SmoothingMixin#plan} gives (as classify and monitor get them), and the recordings scored once.
 */
record StreamingRun(
        FrozenModel model,
        SmoothingMixin.Plan plan,
        NightInputs nights,
        NightInputs.Scored scored,
        String smoothingSource,
        String sweepLabel) {

    /** Loads and scores; {@code sweeping} checks first that a sweep knows its label, before minutes of scoring. */
    static StreamingRun start(
            CommandSpec spec,
            Path modelPath,
            NightInputs nights,
            SmoothingMixin flags,
            boolean quiet,
            boolean sweeping) {
        String problem = nights.problem();
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), problem);
        }
        FrozenModel model = ScoringModel.load(modelPath);
        if (nights.label != null && !model.labels().contains(nights.label)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--label " + nights.label + ": the model has no such label" + " (labels: "
                            + String.join(", ", model.labels()) + ")");
        }
        String sweepLabel = sweeping ? sweepLabel(spec, model, nights.label) : null;
        SmoothingMixin.Plan plan = flags.plan(model.metadata(), nights.hopSeconds);
        boolean flagged = flags.averageWindowMs != null
                || flags.detectionThreshold != null
                || flags.suppressionMs != null
                || flags.minimumCount != null;
        String source = flagged
                ? (plan.calibrated() ? "flags over the model's calibration" : "flags over defaults")
                : plan.calibrated() ? "the model's calibration" : "defaults";
        NightInputs.Scored scored = nights.score(
                new Classifier(model), plan.hopMs(), quiet, spec.commandLine().getErr());
        return new StreamingRun(model, plan, nights, scored, source, sweepLabel);
    }

    /** The figures at the plan's smoothing, for {@code --label} or every label not starting with {@code _}. */
    List<LabelFigures> figures() {
        long tolerance = nights.toleranceMs;
        return nights.label != null
                ? List.of(StreamingEvaluation.evaluate(
                        nights.label, model.labels(), scored.recordings(), plan.smoothing(), tolerance))
                : StreamingEvaluation.evaluate(model.labels(), scored.recordings(), plan.smoothing(), tolerance);
    }

    /** The label a sweep tunes: {@code --label}, else the model's one label not starting with {@code _}. */
    private static String sweepLabel(CommandSpec spec, FrozenModel model, String label) {
        if (label != null) {
            return label;
        }
        List<String> wanted =
                model.labels().stream().filter(l -> !l.startsWith("_")).toList();
        if (wanted.size() != 1) {
            throw new ParameterException(
                    spec.commandLine(),
                    "a sweep tunes one label: give --label (one of " + String.join(", ", wanted) + ")");
        }
        return wanted.get(0);
    }

    /** The sweep over {@code options}' grid; only for a run started with {@code sweeping}. */
    OperatingPointSweep sweep(SweepOptions options, SmoothingMixin flags) {
        long clipMs = model.metadata().featureSettings().clipDurationMs();
        return OperatingPointSweep.run(
                sweepLabel,
                model.labels(),
                scored.recordings(),
                options.grid(clipMs, plan.hopMs(), flags),
                nights.toleranceMs);
    }
}
