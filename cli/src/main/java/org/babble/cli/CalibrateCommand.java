package org.babble.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import org.babble.core.frozen.FrozenModelWriter;
import org.babble.core.recognition.OperatingPoint;
import org.babble.core.streaming.DetCurvePlot;
import org.babble.core.streaming.LabelFigures;
import org.babble.core.streaming.OperatingPointSweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code babble calibrate}: tunes a frozen model's detection threshold and smoothing on real nights within a
 * false-alarm budget, and writes the chosen setting into the model with the recordings and figures it came from, so
 * classify and monitor use what was measured (unless flags override it). The network's bytes are kept as they are.
 */
@Command(
        name = "calibrate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Choose the detection threshold and smoothing with the fewest missed episodes within a false"
                    + " alarms per hour budget, measured on long recordings, and store it in the model file.",
            "classify and monitor then use it unless their smoothing flags say otherwise; info shows it."
        })
public final class CalibrateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The model.babble to calibrate.")
    Path model;

    @Option(
            names = {"--output-file", "--output_file"},
            paramLabel = "FILE",
            description = "Write the calibrated model here (default: replace --model once complete).")
    Path output;

    @Mixin
    NightInputs nights;

    @Mixin
    SmoothingMixin smoothingFlags;

    @Mixin
    SweepOptions sweepOptions;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress or notes on stderr.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (sweepOptions.targetPerHour == null) {
            throw new ParameterException(spec.commandLine(), "calibrate needs --target-false-alarms-per-hour X");
        }
        String problem = sweepOptions.problem();
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), problem);
        }
        if (ScoringModel.isCheckpoint(model)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--model " + model + ": calibrate writes into a model"
                            + " file; freeze the checkpoint first (babble freeze --start-checkpoint " + model + ")");
        }
        StreamingRun run = StreamingRun.start(spec, model, nights, smoothingFlags, quiet, true);
        PrintWriter err = spec.commandLine().getErr();
        if (run.scored().failed() > 0) {
            err.println("babble: " + run.scored().failed() + " of the recordings could not be scored; nothing"
                    + " calibrated (a setting must be measured on all the recordings named)");
            return ExitCode.FAILED;
        }
        OperatingPointSweep sweep = run.sweep(sweepOptions, smoothingFlags);
        double target = sweepOptions.targetPerHour;
        OperatingPointSweep.Point chosen = sweep.best(target).orElse(null);
        if (sweepOptions.detPlot != null) {
            DetCurvePlot.write(sweep, chosen, sweepOptions.detPlot);
        }
        PrintWriter out = spec.commandLine().getOut();
        StreamingReport.sweep(out, sweep);
        StreamingReport.chosen(out, chosen, target);
        if (chosen == null) {
            out.flush();
            err.println("babble: nothing calibrated: relax --target-false-alarms-per-hour, or add recordings");
            return ExitCode.CHECK_FAILED;
        }
        LabelFigures f = chosen.figures();
        OperatingPoint point = new OperatingPoint(
                sweep.label(),
                run.plan().hopMs(),
                chosen.settings(),
                target,
                f.episodes(),
                f.missed(),
                f.falseAlarmsPerHour(),
                f.negativeHours(),
                run.scored().names(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Path written = output != null ? output : model;
        FrozenModelWriter.rewriteMetadata(model, written, run.model().metadata().withOperatingPoint(point));
        out.println("calibrated " + written);
        out.flush();
        return ExitCode.OK;
    }
}
