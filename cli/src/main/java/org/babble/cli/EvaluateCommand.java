package org.babble.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.babble.core.evaluate.ClassMetrics;
import org.babble.core.evaluate.Confusion;
import org.babble.core.evaluate.Scores;
import org.babble.core.evaluate.ThresholdSweep;
import org.babble.core.inference.WindowScores;
import org.babble.core.io.AtomicFiles;
import org.babble.core.streaming.DetCurvePlot;
import org.babble.core.streaming.LabelFigures;
import org.babble.core.streaming.OperatingPointSweep;
import org.babble.core.streaming.RecordingScores;
import org.babble.core.train.Checkpoint;
import org.babble.core.train.CheckpointFolder;
import org.babble.core.train.CheckpointState;
import org.babble.core.train.RunConfiguration;
import org.babble.core.train.TrainSettings;
import org.babble.core.train.TrainingPlots;
import org.babble.dataset.augment.AugmentSettings;
import org.babble.dataset.batch.BatchSource;
import org.babble.dataset.crosssource.CrossSourceResult;
import org.babble.dataset.index.DatasetSettings;
import org.babble.dataset.split.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code babble evaluate}: how good a trained model is on a split of a data folder (or all of a folder it never saw):
 * accuracy, per-class precision/recall/F1, the confusion matrix and, for one label, a threshold sweep. With
 * {@code --night} it is judged as a parent judges it instead: episodes found and false alarms per hour on long
 * recordings, through the very windows and smoothing classify and monitor use, with an operating-point sweep.
 */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Measure a checkpoint on a data folder: accuracy, per-class figures, confusion, ROC.",
            "With --night/--negatives: episodes found and missed, false alarms per hour and onset latency on long"
                    + " recordings, scored exactly as classify and monitor score them (model.babble or checkpoint)."
        })
public final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FormatMixin format;

    @Option(
            names = "--model",
            required = true,
            paramLabel = "CKPT",
            description = "A checkpoint (ckpt-N.zip, best.zip) or a train dir (its best checkpoint); with --night also"
                    + " a model.babble.")
    Path model;

    @Option(
            names = {"--data-dir", "--data_dir"},
            paramLabel = "DIR",
            description = "Clip mode: the data folder to measure on.")
    Path dataDir;

    @Option(
            names = "--set",
            defaultValue = "testing",
            description = "testing (default), validation, training, or all (a folder never used in training).")
    String set;

    @Option(names = "--positive", paramLabel = "LABEL", description = "Sweep a threshold on this label's score.")
    String positive;

    @Option(
            names = "--false-alarm-rate",
            defaultValue = "0.01",
            description = "Target false-alarm rate for the suggested threshold (default 0.01).")
    double falseAlarmRate;

    @Option(names = "--plot", paramLabel = "PNG", description = "Write the confusion heatmap here.")
    Path plot;

    @Mixin
    NightInputs nights;

    @Mixin
    SmoothingMixin smoothingFlags;

    @Option(names = "--sweep", description = "Streaming: sweep threshold and smoothing, print the frontier.")
    boolean sweep;

    @Mixin
    SweepOptions sweepOptions;

    @Option(
            names = "--window-scores",
            paramLabel = "CSV",
            description = "Streaming: write every window's scores here (file,start_s,end_s, one column per label; the"
                    + " numbers classify --format csv prints for a clip).")
    Path windowScores;

    @Option(
            names = {"--cross-source", "--cross_source"},
            paramLabel = "K",
            description = "Clip mode: train K models as this checkpoint's run was trained, each without a K-th of the"
                    + " data folder's recordings, and score each on the recordings it never heard (grouped K-fold).")
    Integer crossSource;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress or notes on stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        boolean streaming = !nights.nights.isEmpty() || !nights.negatives.isEmpty();
        if (streaming && dataDir != null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "give either --data-dir (clips) or --night/--negatives" + " (long recordings), not both");
        }
        if (streaming) {
            return streaming();
        }
        if (dataDir == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "give --data-dir DIR (clips) or --night WAV --truth CSV" + " (long recordings)");
        }
        Checkpoint checkpoint = Checkpoint.read(CheckpointFolder.resolve(model, true));
        CheckpointState state = checkpoint.state();
        TrainSettings t = state.trainSettings();
        if (crossSource != null) {
            return crossSource(state.configuration());
        }
        boolean all = "all".equals(set);
        Split split = all ? Split.TRAINING : parseSplit();
        DatasetSettings run = DatasetSettings.forRun(dataDir, t);
        DatasetSettings dataset = (all ? run.withPercentages(t.silencePercentage(), t.unknownPercentage(), 0, 0) : run)
                .withAllowEmptyClasses(true);
        Scores scores;
        // Evaluation varies nothing: its clips come unaugmented from the cache, its silence from fixed noise stretches.
        try (BatchSource source = BatchSource.open(dataset, state.featureSettings(), AugmentSettings.none())) {
            if (!source.labels().equals(state.labels())) {
                throw new ParameterException(
                        spec.commandLine(),
                        "the data folder gives labels " + source.labels() + " but the model has " + state.labels());
            }
            scores = source.scores(
                    checkpoint.network(), split, 200, t.architecture().layout(), state.labels());
        }
        Confusion confusion = scores.confusion();
        ThresholdSweep sweep = positive == null ? null : sweep(scores);
        if (plot != null) {
            TrainingPlots.confusion(confusion, "Confusion (" + set + ")", plot);
        }
        if (format.format == OutputFormat.JSON) {
            printJson(confusion, sweep);
        } else {
            printText(confusion, sweep);
        }
        return ExitCode.OK;
    }

    /**
     * Grouped K-fold over the data folder's recordings with the checkpoint's own run configuration; the fold models are
     * trained in a temporary folder and deleted, since the checkpoint's train dir belongs to its run.
     */
    private int crossSource(RunConfiguration run) {
        if (crossSource < 2) {
            throw new ParameterException(
                    spec.commandLine(), "--cross-source takes at least 2 folds, got " + crossSource);
        }
        if (!set.equals("testing") || positive != null || plot != null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--cross-source scores every recording once: leave out --set, --positive, --plot");
        }
        AugmentSettings augment;
        try {
            augment = AugmentSettings.forRun(run);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        DatasetSettings dataset = DatasetSettings.forRun(dataDir, run.training());
        Path folds = TemporaryFolder.create("babble-cross-source");
        CrossSourceResult result;
        try {
            result = CrossSourceRun.run(run, augment, dataset, crossSource, folds, quiet);
        } finally {
            TemporaryFolder.delete(folds);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.format == OutputFormat.JSON) {
            out.println(CrossSourceReport.json(result).toPrettyString());
            out.flush();
        } else {
            CrossSourceReport.print(result, out);
        }
        return ExitCode.OK;
    }

    private int streaming() {
        String problem = sweepOptions.problem();
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), problem);
        }
        boolean sweeping = sweep || sweepOptions.targetPerHour != null || sweepOptions.detPlot != null;
        StreamingRun run = StreamingRun.start(spec, model, nights, smoothingFlags, quiet, sweeping);
        List<RecordingScores> recordings = run.scored().recordings();
        if (recordings.isEmpty()) {
            spec.commandLine().getErr().println("babble: none of the recordings could be scored");
            return ExitCode.FAILED;
        }
        if (windowScores != null) {
            writeWindowScores(recordings, run.model().labels());
        }
        List<LabelFigures> figures = run.figures();
        OperatingPointSweep swept = sweeping ? run.sweep(sweepOptions, smoothingFlags) : null;
        Double target = sweepOptions.targetPerHour;
        OperatingPointSweep.Point chosen =
                swept != null && target != null ? swept.best(target).orElse(null) : null;
        if (sweepOptions.detPlot != null) {
            DetCurvePlot.write(swept, chosen, sweepOptions.detPlot);
        }
        PrintWriter out = spec.commandLine().getOut();
        long hopMs = run.plan().hopMs();
        if (format.format == OutputFormat.JSON) {
            ObjectNode root =
                    StreamingReport.json(recordings, hopMs, run.plan().smoothing(), run.smoothingSource(), figures);
            if (swept != null) {
                root.set("sweep", StreamingReport.sweepJson(swept, chosen, target));
            }
            out.println(root.toPrettyString());
        } else {
            StreamingReport.recordings(out, recordings, hopMs, run.plan().smoothing(), run.smoothingSource());
            StreamingReport.figures(out, figures);
            if (sweep) {
                StreamingReport.sweep(out, swept);
            }
            if (target != null) {
                StreamingReport.chosen(out, chosen, target);
            }
        }
        out.flush();
        if (run.scored().failed() > 0) {
            spec.commandLine()
                    .getErr()
                    .println("babble: " + run.scored().failed() + " of the recordings could not be"
                            + " scored; the figures leave them out");
            return ExitCode.FAILED;
        }
        return target != null && chosen == null ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }

    private void writeWindowScores(List<RecordingScores> recordings, List<String> labels) {
        StringBuilder csv = new StringBuilder("file,start_s,end_s,")
                .append(String.join(",", labels.stream().map(CsvQuoting::field).toList()))
                .append('\n');
        for (RecordingScores r : recordings) {
            for (WindowScores w : r.windows()) {
                csv.append(CsvQuoting.field(r.name()))
                        .append(',')
                        .append(w.startMs() / 1000.0)
                        .append(',')
                        .append(w.endMs() / 1000.0);
                for (float score : w.scores()) {
                    csv.append(',').append(String.format(Locale.ROOT, "%.5f", score));
                }
                csv.append('\n');
            }
        }
        AtomicFiles.write(windowScores, csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Split parseSplit() {
        for (Split s : Split.values()) {
            if (s.tfName().equals(set)) {
                return s;
            }
        }
        throw new ParameterException(
                spec.commandLine(), "--set: unknown '" + set + "', use testing, validation, training or all");
    }

    private ThresholdSweep sweep(Scores scores) {
        if (!scores.labels().contains(positive)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--positive: the model has no label '" + positive + "'; it has " + scores.labels());
        }
        return ThresholdSweep.of(scores, positive);
    }

    private void printText(Confusion confusion, ThresholdSweep sweep) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Accuracy = %.1f%% (N=%d)%n", 100 * confusion.accuracy(), confusion.total());
        out.printf(Locale.ROOT, "%-16s %9s %9s %9s %8s%n", "label", "precision", "recall", "f1", "support");
        for (ClassMetrics m : ClassMetrics.of(confusion)) {
            out.printf(
                    Locale.ROOT,
                    "%-16s %9.3f %9.3f %9.3f %8d%n",
                    m.label(),
                    m.precision(),
                    m.recall(),
                    m.f1(),
                    m.support());
        }
        out.println("Confusion Matrix:\n " + confusion.format());
        if (sweep != null) {
            out.printf(Locale.ROOT, "%s: AUC %.4f%n", sweep.label(), sweep.auc());
            ThresholdSweep.Point p = sweep.atFalseAlarmRate(falseAlarmRate);
            out.printf(
                    Locale.ROOT,
                    "threshold %.5f: true-positive rate %.3f at false-alarm rate %.4f (target %.4f)%n",
                    p.threshold(),
                    p.truePositiveRate(),
                    p.falsePositiveRate(),
                    falseAlarmRate);
            out.println("threshold,tpr,fpr");
            for (ThresholdSweep.Point q : sweep.points()) {
                out.printf(Locale.ROOT, "%.5f,%.4f,%.4f%n", q.threshold(), q.truePositiveRate(), q.falsePositiveRate());
            }
        }
        out.flush();
    }

    private void printJson(Confusion confusion, ThresholdSweep sweep) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode()
                .put("set", set)
                .put("accuracy", confusion.accuracy())
                .put("n", confusion.total());
        root.set("labels", json.valueToTree(confusion.labels()));
        root.set("confusion", json.valueToTree(confusion.counts()));
        root.set("classes", json.valueToTree(ClassMetrics.of(confusion)));
        if (sweep != null) {
            ObjectNode s = root.putObject("sweep").put("label", sweep.label()).put("auc", sweep.auc());
            ThresholdSweep.Point p = sweep.atFalseAlarmRate(falseAlarmRate);
            s.putObject("suggested")
                    .put("falseAlarmTarget", falseAlarmRate)
                    .put("threshold", p.threshold())
                    .put("truePositiveRate", p.truePositiveRate())
                    .put("falsePositiveRate", p.falsePositiveRate());
            ArrayNode points = s.putArray("points");
            for (ThresholdSweep.Point q : sweep.points()) {
                points.addObject()
                        .put("threshold", Double.isInfinite(q.threshold()) ? null : q.threshold())
                        .put("tpr", q.truePositiveRate())
                        .put("fpr", q.falsePositiveRate());
            }
        }
        spec.commandLine().getOut().println(root.toPrettyString());
        spec.commandLine().getOut().flush();
    }
}
