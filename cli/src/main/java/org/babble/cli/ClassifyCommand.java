package org.babble.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.babble.core.BabbleException;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.DecodedWav;
import org.babble.core.audio.WavReader;
import org.babble.core.frozen.FrozenModel;
import org.babble.core.frozen.FrozenModelReader;
import org.babble.core.inference.Classifier;
import org.babble.core.inference.ClipScores;
import org.babble.core.inference.RankedLabel;
import org.babble.core.inference.WindowScores;
import org.babble.core.inference.WindowedScores;
import org.babble.core.prep.Note;
import org.babble.core.recognition.Episode;
import org.babble.core.recognition.EpisodeDetector;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code babble classify clip.wav...}: label_wav.py's output for each file, windows and episodes for long recordings,
 * and exit codes a cron job can act on.
 */
@Command(
        name = "classify",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Classify recordings with a frozen model, printing the top labels as TF's label_wav.py does.",
            "Recordings longer than 1.5 clips are scored in windows of one clip every --hop, and smoothed into "
                    + "episodes as TF's RecognizeCommands does."
        })
public final class ClassifyCommand implements Callable<Integer> {
    /**
     * Built on first use, not when the class loads: picocli makes every subcommand at start-up, and a mapper here made
     * every command (clean, stats, ...) load about 370 Jackson classes before doing anything.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    @Parameters(paramLabel = "WAV", arity = "0..*", description = "Recordings to classify.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--wav", paramLabel = "WAV", description = "A recording (label_wav.py's flag; repeatable).")
    List<Path> wavs = new ArrayList<>();

    @Option(
            names = {"--wav-dir", "--wav_dir"},
            paramLabel = "DIR",
            description = "Every .wav file in DIR, not its subfolders (label_wav_dir.py's flag; repeatable).")
    List<Path> wavDirs = new ArrayList<>();

    @Mixin
    ModelMixin modelOption;

    @Option(
            names = "--labels",
            paramLabel = "FILE",
            description = "Labels file (one per line, e.g. conv_labels.txt); must match the model's labels.")
    Path labelsFile;

    @Option(
            names = {"--how-many-labels", "--how_many_labels"},
            defaultValue = "3",
            paramLabel = "N",
            description = "Labels to print per clip (default: ${DEFAULT-VALUE}).")
    int howManyLabels;

    @Mixin
    FormatMixin format;

    @Option(
            names = "--fail-unless",
            paramLabel = "LABEL",
            description = "Exit 3 when a file's top label is not LABEL (or a long recording has an episode of another"
                    + " label).")
    String failUnless;

    @Option(
            names = "--hop",
            paramLabel = "SECONDS",
            description = "Distance between windows over long recordings (default: the model's calibration, else"
                    + " half a clip).")
    Double hopSeconds;

    @Mixin
    SmoothingMixin smoothingFlags;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress or notes on stderr.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    private final Map<Note.Kind, Integer> repeatedNotes = new EnumMap<>(Note.Kind.class);
    private Classifier classifier;

    @Override
    public Integer call() throws IOException {
        List<Path> inputs = new ArrayList<>(files);
        inputs.addAll(wavs);
        for (Path dir : wavDirs) {
            inputs.addAll(InputFiles.wavsIn(dir));
        }
        if (inputs.isEmpty()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "give at least one WAV file to classify (as" + " arguments, --wav or --wav_dir)");
        }
        if (howManyLabels < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--how-many-labels must be at least 1");
        }
        if (hopSeconds != null && Math.round(hopSeconds * 1000) <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--hop must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0;
        boolean checkFailed = false;
        for (Path input : inputs) {
            DecodedWav wav = null;
            try {
                wav = WavReader.read(input);
                Classifier classifier = classifier(out);
                Result result = classify(classifier, input, wav);
                print(out, input, classifier.model().labels(), result, inputs.size() > 1);
                checkFailed |= failUnless != null && !passes(classifier.model().labels(), result);
            } catch (RuntimeException | OutOfMemoryError e) {
                if (wav != null && classifier == null) {
                    throw e; // the model itself failed to load: the whole command fails, not this file
                }
                failed++;
                err.println("babble: " + Cli.inputFailure(input, e).getMessage());
            }
            out.flush();
        }
        for (Map.Entry<Note.Kind, Integer> repeated : repeatedNotes.entrySet()) {
            if (!quiet && repeated.getValue() > 0) {
                err.println("babble: note: " + repeated.getValue() + " more file"
                        + (repeated.getValue() == 1 ? " was " : "s were ")
                        + repeated.getKey().done());
            }
        }
        if (failed > 0) {
            if (inputs.size() > 1) { // with one input its own line says it all
                err.println("babble: " + failed + " of " + inputs.size() + " files could not be classified");
            }
            return ExitCode.FAILED;
        }
        return checkFailed ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }

    /** A file's outcome: overall scores, and for long recordings the windows and episodes. */
    private record Result(float[] scores, WindowedScores windows, List<Episode> episodes) {}

    /**
     * The model, loaded at the first input that decodes: a batch of broken files is refused without waiting for the
     * network to load, and a model that does not fit the flags is still refused before any result is printed.
     */
    private Classifier classifier(PrintWriter out) {
        if (classifier == null) {
            FrozenModel model = FrozenModelReader.read(modelOption.resolve());
            List<String> labels = model.labels();
            if (failUnless != null && !labels.contains(failUnless)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--fail-unless " + failUnless + ": the model has no such label (labels: "
                                + String.join(", ", labels) + ")");
            }
            if (labelsFile != null) {
                checkLabels(labels);
            }
            if (format.format == OutputFormat.CSV) {
                out.println("file,top_label,score,"
                        + String.join(
                                ",", labels.stream().map(CsvQuoting::field).toList()));
            }
            classifier = new Classifier(model);
        }
        return classifier;
    }

    private Result classify(Classifier classifier, Path input, DecodedWav wav) {
        PrintWriter err = spec.commandLine().getErr();
        for (String warning : wav.warnings()) {
            err.println("babble: warning: " + input + ": " + warning);
        }
        AudioClip clip = wav.clip();
        if (!classifier.needsWindows(clip)) {
            ClipScores scores = classifier.classify(clip);
            note(input, scores.notes());
            return new Result(scores.scores(), null, List.of());
        }
        var settings = classifier.model().metadata().featureSettings();
        long clipMs = settings.clipDurationMs();
        SmoothingMixin.Plan plan = smoothingFlags.plan(classifier.model().metadata(), hopSeconds);
        long hopMs = plan.hopMs();
        long expected = Math.max(1, Math.round((clip.durationSeconds() * 1000 - clipMs) / hopMs) + 1);
        WindowedScores windows;
        try (Progress progress = Progress.start("classify " + input.getFileName(), expected, quiet || expected < 200)) {
            windows = classifier.classifyWindows(clip, hopMs, progress::stepBy);
        }
        note(input, windows.notes());
        EpisodeDetector detector = new EpisodeDetector(classifier.model().labels(), plan.smoothing());
        for (WindowScores w : windows.windows()) {
            detector.add(w.startMs(), w.endMs(), w.scores());
        }
        return new Result(windows.meanScores(), windows, detector.finish());
    }

    /** {@code --fail-unless}: the top label, and every episode of a long recording, must be the expected label. */
    private boolean passes(List<String> labels, Result result) {
        String top = RankedLabel.top(labels, result.scores(), 1).get(0).label();
        return top.equals(failUnless)
                && result.episodes().stream().allMatch(e -> e.label().equals(failUnless));
    }

    private void print(PrintWriter out, Path input, List<String> modelLabels, Result result, boolean several) {
        List<RankedLabel> top = RankedLabel.top(modelLabels, result.scores(), howManyLabels);
        switch (format.format) {
            case CSV -> {
                StringBuilder row = new StringBuilder(CsvQuoting.field(input.toString()))
                        .append(',')
                        .append(CsvQuoting.field(top.get(0).label()))
                        .append(',')
                        .append(score(top.get(0).score()));
                for (float s : result.scores()) {
                    row.append(',').append(score(s));
                }
                out.println(row);
            }
            case JSON -> out.println(json(input, modelLabels, result, top));
            case TEXT -> {
                if (several || result.windows() != null) {
                    out.println("==> " + input + " <==");
                }
                if (result.windows() == null) {
                    for (RankedLabel r : top) {
                        out.println(labelWavLine(r));
                    }
                    return;
                }
                List<WindowScores> windows = result.windows().windows();
                for (int i = 0; i < windows.size(); i++) {
                    WindowScores w = windows.get(i);
                    RankedLabel best =
                            RankedLabel.top(modelLabels, w.scores(), 1).get(0);
                    out.println(Episode.clock(w.startMs()) + "  " + labelWavLine(best));
                }
                out.println("episodes:" + (result.episodes().isEmpty() ? " none" : ""));
                for (Episode e : result.episodes()) {
                    out.println(e.format());
                }
            }
        }
    }

    /** label_wav.py's line: {@code crying (score = 0.95350)}. */
    static String labelWavLine(RankedLabel r) {
        return String.format(Locale.ROOT, "%s (score = %.5f)", r.label(), r.score());
    }

    private static String score(float s) {
        return String.format(Locale.ROOT, "%.5f", s);
    }

    private static String json(Path input, List<String> modelLabels, Result result, List<RankedLabel> top) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("file", input.toString());
        node.put("top_label", top.get(0).label());
        node.put("score", top.get(0).score());
        ObjectNode scores = node.putObject("scores");
        float[] s = result.scores();
        for (int i = 0; i < s.length; i++) {
            scores.put(modelLabels.get(i), s[i]);
        }
        if (result.windows() != null) {
            ArrayNode windows = node.putArray("windows");
            for (WindowScores w : result.windows().windows()) {
                RankedLabel best = RankedLabel.top(modelLabels, w.scores(), 1).get(0);
                ObjectNode window = windows.addObject()
                        .put("start_s", w.startMs() / 1000.0)
                        .put("end_s", w.endMs() / 1000.0)
                        .put("top_label", best.label())
                        .put("score", best.score());
                ObjectNode all = window.putObject("scores");
                for (int i = 0; i < w.scores().length; i++) {
                    all.put(modelLabels.get(i), w.scores()[i]);
                }
            }
            ArrayNode episodes = node.putArray("episodes");
            for (Episode e : result.episodes()) {
                episodes.addObject()
                        .put("label", e.label())
                        .put("start_s", e.startMs() / 1000.0)
                        .put("end_s", e.endMs() / 1000.0)
                        .put("peak", e.peak());
            }
        }
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException("JSON of plain values failed", e);
        }
    }

    private void note(Path input, List<Note> notes) {
        for (Note note : notes) {
            if (repeatedNotes.containsKey(note.kind())) {
                repeatedNotes.merge(note.kind(), 1, Integer::sum);
            } else {
                repeatedNotes.put(note.kind(), 0);
                if (!quiet) {
                    spec.commandLine().getErr().println("babble: note: " + input + ": " + note.text());
                }
            }
        }
    }

    private void checkLabels(List<String> modelLabels) {
        List<String> given;
        if (!Files.exists(labelsFile)) {
            throw new BabbleException(
                    labelsFile,
                    "no such labels file",
                    "babble train writes labels.txt and TF's"
                            + " conv_labels.txt into its train dir: copy one from there, or leave out --labels (the model"
                            + " carries its labels)");
        }
        try {
            given = Files.readAllLines(labelsFile).stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new BabbleException(labelsFile, "cannot read the labels file: " + e.getMessage(), "check the path");
        }
        if (!given.equals(modelLabels)) {
            throw new BabbleException(
                    labelsFile,
                    "labels " + given + " differ from the model's " + modelLabels,
                    "leave out --labels (the model carries its labels) or give the file written with this model");
        }
    }
}
