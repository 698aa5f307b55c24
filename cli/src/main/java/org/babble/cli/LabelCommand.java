package org.babble.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.babble.cli.web.LabelPage;
import org.babble.cli.web.WebServer;
import org.babble.cli.web.WebSettings;
import org.babble.core.BabbleException;
import org.babble.core.capture.Playback;
import org.babble.core.frozen.FrozenModelReader;
import org.babble.core.inference.Classifier;
import org.babble.core.monitor.store.MonitorDatabase;
import org.babble.core.monitor.store.Verdicts;
import org.babble.dataset.index.Labels;
import org.babble.dataset.label.Annotation;
import org.babble.dataset.label.AnnotationCutter;
import org.babble.dataset.label.AnnotationFiles;
import org.babble.dataset.label.ClipFiles;
import org.babble.dataset.label.ClipScorer;
import org.babble.dataset.label.CutResult;
import org.babble.dataset.label.CutSettings;
import org.babble.dataset.label.FolderCensus;
import org.babble.dataset.label.Guess;
import org.babble.dataset.label.InteractiveLabeler;
import org.babble.dataset.label.InteractiveSettings;
import org.babble.dataset.label.KeySource;
import org.babble.dataset.label.LabelNames;
import org.babble.dataset.label.LabelSession;
import org.babble.dataset.label.LabelState;
import org.babble.dataset.label.ModelSortResult;
import org.babble.dataset.label.ModelSortSettings;
import org.babble.dataset.label.ModelSorter;
import org.babble.dataset.label.ReviewSorter;
import org.babble.dataset.label.SessionResult;
import org.babble.dataset.label.Verdict;
import org.babble.dataset.label.VerdictFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code babble label}: sorts audio into label folders, by annotated time ranges, interactively by key, or by a first
 * model's confident predictions (the rest to {@code _review/}).
 */
@Command(
        name = "label",
        mixinStandardHelpOptions = true,
        description = {
            "Sort audio into label folders (OUT/<label>/<recording>_nohash_<n>.wav).",
            "  babble label --annotations night.csv night.wav --out data/   cut by start,end,label rows",
            "  babble label --interactive clips/ --labels crying,room_empty --out data/   decide by key",
            "  babble label --model model.babble clips/ --out data/   confident clips to their label, the rest to"
                    + " _review/",
            "  babble label --review kept/ --verdicts verdicts.csv --out data/   monitor's kept detections: right to"
                    + " their label, wrong to _hard_negative_/",
            "Never overwrites a file in a label folder (adds -2, -3, ...)."
        })
public final class LabelCommand implements Callable<Integer> {
    static final String STATE_FILE = ".babble-label-state.tsv";
    static final double DEFAULT_MIN_SCORE = 0.9;

    @Option(
            names = "--annotations",
            paramLabel = "FILE",
            description = "CSV (start,end,label; seconds or hh:mm:ss) or Audacity label track for RECORDING.")
    Path annotations;

    @Parameters(
            arity = "0..1",
            paramLabel = "RECORDING|DIR",
            description = "The recording the annotations describe, or (model-assisted) the folder of clips to sort.")
    Path recording;

    @Mixin
    ModelMixin modelOption;

    @Option(
            names = "--min-score",
            paramLabel = "P",
            description = "Model-assisted: the top score a clip needs to go to its label's folder rather than _review/"
                    + " (default: " + DEFAULT_MIN_SCORE + ").")
    Double minScore;

    @Option(names = "--interactive", paramLabel = "DIR", description = "Label the WAV clips in DIR one by one by key.")
    Path interactive;

    @Option(
            names = "--web",
            paramLabel = "DIR",
            description = "Label the WAV clips in DIR on a web page: keys or buttons, a waveform and spectrogram,"
                    + " ranges dragged on long recordings written as start,end,label CSV. Stop with Ctrl-C.")
    Path web;

    @Option(
            names = "--port",
            defaultValue = "8081",
            description = "Web: TCP port (default: ${DEFAULT-VALUE}, beside serve's 8080; 0 picks a free one).")
    int port;

    @Mixin
    WebMixin webAccess;

    @Option(
            names = "--labels",
            split = ",",
            paramLabel = "A,B,...",
            description = "Labels for keys 1-9 (interactive mode).")
    List<String> labels;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the label folders go.")
    Path out;

    @Option(
            names = "--clip",
            defaultValue = "5s",
            converter = DurationConverter.class,
            description = "Clip length when cutting by annotations (default: ${DEFAULT-VALUE}).")
    Duration clip;

    @Option(
            names = "--hop",
            converter = DurationConverter.class,
            description = "Start a clip every HOP within a range (default: the clip length, no overlap).")
    Duration hop;

    @Option(
            names = "--channels",
            paramLabel = "1",
            description = "1 mixes clips down to mono (default: keep the recording's channels).")
    Integer channels;

    @Option(
            names = "--move",
            description =
                    "Interactive, --model and --review: move clips (after verifying the copy) instead of" + " copying.")
    boolean move;

    @Option(names = "--no-play", description = "Interactive: do not play clips, even when speakers exist.")
    boolean noPlay;

    @Option(
            names = "--state",
            paramLabel = "FILE",
            description = "Interactive: progress file for resuming (default: OUT/" + STATE_FILE + ").")
    Path state;

    @Option(
            names = "--review",
            paramLabel = "DIR",
            description = "Sort the detections monitor --keep-audio kept in DIR by --verdicts: right ones to their"
                    + " label's folder, wrong ones to the hard-negative folder.")
    Path review;

    @Option(
            names = "--verdicts",
            paramLabel = "CSV|DB",
            description =
                    "Review: file,verdict rows (verdict right or wrong); file is a clip's path under DIR, its name,"
                            + " or an episode (the name before _nohash_, for all its pieces). Or the monitor's"
                            + " database, for the verdicts given on babble serve's page.")
    Path verdicts;

    @Option(
            names = "--hard-negative-label",
            defaultValue = Labels.HARD_NEGATIVE_DIR,
            paramLabel = "NAME",
            description = "Review: the folder under OUT for wrong detections (default: ${DEFAULT-VALUE}, trained as"
                    + " _unknown_; a label name trains them as that label).")
    String hardNegativeLabel;

    @Mixin
    FormatMixin format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        // --interactive with --model is one mode: the model's guesses are the person's defaults
        boolean byModel = modelOption.model != null && interactive == null && web == null;
        int modes = (annotations != null ? 1 : 0)
                + (interactive != null ? 1 : 0)
                + (web != null ? 1 : 0)
                + (byModel ? 1 : 0)
                + (review != null ? 1 : 0);
        if (modes > 1) {
            throw usage("--annotations, --interactive, --web, --model and --review are different ways to label; give"
                    + " only one");
        }
        if (review != null) {
            return review();
        }
        if (verdicts != null) {
            throw usage("--verdicts goes with --review DIR (the folder monitor --keep-audio wrote)");
        }
        if (modes == 0) {
            if (recording == null || !Files.isDirectory(recording)) {
                throw usage("give --annotations FILE RECORDING, --interactive DIR, or --model FILE DIR"
                        + " (see babble label --help)");
            }
            byModel = true;
        }
        if (!byModel && minScore != null) {
            throw usage("--min-score only applies to model-assisted sorting (--model FILE DIR)");
        }
        if (byModel) {
            return sortByModel();
        }
        if (web != null) {
            return web();
        }
        return annotations != null ? cut() : interactive();
    }

    private int cut() {
        if (recording == null) {
            throw usage("--annotations needs the RECORDING it describes, e.g. babble label --annotations night.csv"
                    + " night.wav --out data/");
        }
        if (channels != null && channels != 1) {
            throw usage(
                    "--channels: only 1 (mono mixdown) is supported; leave it out to keep the recording's channels");
        }
        CutSettings settings;
        try {
            double clipSeconds = clip.toNanos() / 1e9;
            settings = new CutSettings(clipSeconds, hop == null ? clipSeconds : hop.toNanos() / 1e9, channels != null);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        List<Annotation> rows = AnnotationFiles.read(annotations);
        Progress[] bar = {null};
        CutResult result;
        try {
            result = AnnotationCutter.cut(recording, rows, settings, out, (done, total) -> {
                if (bar[0] == null) {
                    bar[0] = Progress.start("label", total, false);
                }
                bar[0].step();
            });
        } finally {
            if (bar[0] != null) {
                bar[0].close();
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        if (result.plan().droppedSeconds() > 0) {
            err.printf(
                    Locale.ROOT,
                    "babble: %.1f s of annotated audio left unused: range ends shorter than a clip"
                            + " (%s) are dropped%s%n",
                    result.plan().droppedSeconds(),
                    RecordCommand.human(clip),
                    result.plan().tooShort().isEmpty()
                            ? ""
                            : "; " + result.plan().tooShort().size() + " range(s) shorter than a clip gave none (lines "
                                    + lines(result.plan().tooShort()) + ")");
        }
        if (!result.plan().pastEnd().isEmpty()) {
            err.println("babble: " + annotations + ": line(s) "
                    + lines(result.plan().pastEnd()) + " run past the end of " + recording
                    + "; cut to what the recording holds");
        }
        printCounts(result.counts(), Map.of());
        err.printf("wrote %d clips into %s%n", result.clips().size(), out);
        return ExitCode.OK;
    }

    private int review() {
        if (verdicts == null) {
            throw usage("--review needs --verdicts CSV (file,right|wrong rows)");
        }
        if (recording != null) {
            throw usage("--review takes its clips from DIR; unexpected " + recording);
        }
        String problem = LabelNames.problemWith(hardNegativeLabel);
        if (problem != null) {
            throw usage("--hard-negative-label " + problem);
        }
        ReviewSorter.Result result = ReviewSorter.sort(review, readVerdicts(), out, hardNegativeLabel, move);
        PrintWriter stdout = spec.commandLine().getOut();
        List<String> parts = new java.util.ArrayList<>();
        result.sorted().forEach((folder, n) -> parts.add(n + " to " + out.resolve(folder)));
        stdout.println("review: " + (parts.isEmpty() ? "nothing sorted" : String.join(", ", parts))
                + (move ? " (moved)" : " (copied)") + "; " + result.undecided() + " clip"
                + (result.undecided() == 1 ? "" : "s")
                + " without a verdict left in " + review);
        stdout.flush();
        for (Verdict v : result.unmatched()) {
            spec.commandLine()
                    .getErr()
                    .println("babble: " + verdicts + (v.line() > 0 ? ": line " + v.line() : "") + ": '" + v.target()
                            + "' names no clip under " + review
                            + " — check the name (a path under it, a file name, or an"
                            + " episode before _nohash_)");
        }
        return result.unmatched().isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }

    /**
     * The verdicts of a CSV, or of a monitor database (babble serve's buttons): each kept piece is named as {@code
     * label/file} under the kept folder, so the review folder may have moved since the monitor wrote it.
     */
    private List<Verdict> readVerdicts() {
        if (!MonitorDatabase.isDatabase(verdicts)) {
            return VerdictFiles.read(verdicts);
        }
        try (MonitorDatabase db = MonitorDatabase.openForReviewing(verdicts)) {
            List<Verdict> list = Verdicts.onKeptAudio(db).stream()
                    .map(v -> new Verdict(
                            v.piece().getParent().getFileName() + "/"
                                    + v.piece().getFileName(),
                            v.verdict() == org.babble.core.monitor.store.Verdict.RIGHT,
                            0))
                    .toList();
            if (list.isEmpty()) {
                throw new BabbleException(
                        verdicts,
                        "no episode with kept audio has a verdict yet",
                        "mark episodes right or false alarm on babble serve's page first");
            }
            return list;
        }
    }

    /** The settings of a session by key, terminal or browser ({@code flag}), checked once for both. */
    private InteractiveSettings keySettings(String flag) {
        if (labels == null || labels.isEmpty()) {
            throw usage(flag + " needs --labels, e.g. --labels crying,whining,room_empty (keys 1-9)");
        }
        if (recording != null) {
            throw usage(flag + " takes clips from DIR; unexpected " + recording);
        }
        try {
            return new InteractiveSettings(labels, out, move);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private int interactive() {
        InteractiveSettings settings = keySettings("--interactive");
        LabelState progress = LabelState.load(state != null ? state : out.resolve(STATE_FILE));
        List<Path> clips = ClipFiles.list(interactive, out);
        PrintWriter ui = spec.commandLine().getErr();
        Map<Path, Guess> guesses = modelOption.model != null ? guesses(clips, ui) : Map.of();
        Playback playback = noPlay ? Playback.silent() : Playback.speakersOrSilent();
        SessionResult result;
        Optional<TerminalKeys> terminal = TerminalKeys.open();
        try {
            KeySource keys = terminal.<KeySource>map(t -> t)
                    .orElseGet(() -> KeySource.lines(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
            result = new InteractiveLabeler(settings, progress, playback, ui).run(clips, guesses, keys);
        } finally {
            terminal.ifPresent(TerminalKeys::close);
        }
        printCounts(result.counts(), Map.of("skipped", result.skipped(), "remaining", result.remaining()));
        FolderCensus.of(out, settings.labels()).forEach(row -> ui.println("babble: " + row.describe()));
        if (result.remaining() > 0) {
            ui.printf("%d clip(s) left; run the same command again to resume%n", result.remaining());
        }
        return ExitCode.OK;
    }

    /**
     * The browser's labelling: the same session, actions and state file as {@link #interactive}, on a page served until
     * Ctrl-C; every action is saved at once, so stopping loses nothing.
     */
    private int web() {
        InteractiveSettings settings = keySettings("--web");
        WebSettings access = webAccess.settings(spec.commandLine(), port);
        LabelState progress = LabelState.load(state != null ? state : out.resolve(STATE_FILE));
        List<Path> clips = ClipFiles.list(web, out);
        PrintWriter ui = spec.commandLine().getErr();
        Map<Path, Guess> guesses = modelOption.model != null ? guesses(clips, ui) : Map.of();
        LabelSession session = new LabelSession(settings, progress, clips, guesses);
        Consumer<String> say = line -> {
            synchronized (ui) {
                ui.println("babble: " + line);
                ui.flush();
            }
        };
        CountDownLatch stopped = new CountDownLatch(1);
        // the hook holds the JVM's exit until the summary below is printed
        StopOnSignal stop = StopOnSignal.install("babble-label-stop", stopped::countDown, Duration.ofSeconds(5));
        try {
            int exit = ExitCode.OK;
            try (WebServer server = WebServer.start(access, LabelPage.routes(session, say), say)) {
                say.accept("labelling " + session.remaining() + " of " + session.total() + " clips from " + web + " on "
                        + server.address() + " (Ctrl-C stops; state: " + progress.file() + ")");
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exit = ExitCode.INTERRUPTED;
            }
            webSummary(session.summary(false), settings, ui);
            return exit;
        } finally {
            stop.close();
        }
    }

    /** The counts (as --interactive prints them) and a last line of clips and recordings per label folder. */
    private void webSummary(SessionResult result, InteractiveSettings settings, PrintWriter ui) {
        printCounts(result.counts(), Map.of("skipped", result.skipped(), "remaining", result.remaining()));
        List<FolderCensus.Row> census = FolderCensus.of(out, settings.labels());
        census.forEach(row -> ui.println("babble: " + row.describe()));
        if (format.format == OutputFormat.TEXT) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println("in " + out + ": "
                    + String.join(
                            "; ",
                            census.stream()
                                    .map(r -> r.label() + " " + r.clips() + " clip" + (r.clips() == 1 ? "" : "s")
                                            + " from " + r.sources() + " recording" + (r.sources() == 1 ? "" : "s"))
                                    .toList()));
            stdout.flush();
        }
        if (result.remaining() > 0) {
            ui.printf("%d clip(s) left; run the same command again (or --interactive) to resume%n", result.remaining());
        }
        ui.flush();
    }

    /** The model's top label for each clip it can read; the labeler shows the unreadable ones itself. */
    private Map<Path, Guess> guesses(List<Path> clips, PrintWriter ui) {
        ClipScorer scorer = new ClipScorer(new Classifier(FrozenModelReader.read(modelOption.resolve())));
        Map<Path, Guess> guesses = new HashMap<>();
        for (Path clip : clips) {
            try {
                guesses.put(clip, scorer.score(clip).guess());
            } catch (BabbleException e) {
                // no guess for it; the labeler says why it cannot be read when the clip comes up
            }
        }
        ui.printf("the model guessed %d of %d clips; the least sure come first%n", guesses.size(), clips.size());
        return guesses;
    }

    private int sortByModel() {
        if (recording == null) {
            throw usage("--model needs the folder of clips to sort, e.g. babble label --model model.babble night-2/"
                    + " --out data/");
        }
        if (labels != null) {
            throw usage("--labels is for --interactive; with --model the model's own labels are used");
        }
        ModelSortSettings settings;
        try {
            settings = new ModelSortSettings(out, minScore == null ? DEFAULT_MIN_SCORE : minScore, move);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        ModelSorter sorter = new ModelSorter(new Classifier(FrozenModelReader.read(modelOption.resolve())), settings);
        List<Path> clips = sorter.clipsIn(recording);
        if (clips.isEmpty()) {
            throw new BabbleException(
                    recording,
                    "no WAV clips in this folder (outside " + out + ")",
                    "give the folder the night's clips are in");
        }
        ModelSortResult result;
        try (Progress bar = Progress.start("label", clips.size(), false)) {
            result = sorter.sortAll(clips, clip -> bar.step());
        }
        PrintWriter err = spec.commandLine().getErr();
        ModelSortOutput.messages(err, result);
        ModelSortOutput.print(spec.commandLine().getOut(), format.format, result, settings.minScore());
        err.printf(
                "%s %d clips into %s (%d to review in %s)%n",
                move ? "moved" : "copied",
                result.sorted().size(),
                out,
                result.review().clips(),
                out.resolve(ModelSorter.REVIEW));
        if (!result.failures().isEmpty()) {
            err.println("babble: " + result.failures().size() + " of " + clips.size() + " clips could not be sorted;"
                    + " they are where they were");
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }

    private void printCounts(Map<String, Integer> counts, Map<String, Integer> extra) {
        PrintWriter stdout = spec.commandLine().getOut();
        switch (format.format) {
            case JSON -> {
                ObjectMapper json = new ObjectMapper();
                ObjectNode root = json.createObjectNode();
                ObjectNode labelsNode = root.putObject("labels");
                counts.forEach(labelsNode::put);
                extra.forEach(root::put);
                stdout.println(root.toString());
            }
            case CSV -> {
                stdout.println("label,clips");
                counts.forEach((label, n) -> stdout.println(CsvQuoting.field(label) + "," + n));
                extra.forEach((key, n) -> stdout.println("(" + key + ")," + n));
            }
            case TEXT -> {
                int width = Math.max(
                        5,
                        counts.keySet().stream().mapToInt(String::length).max().orElse(5));
                stdout.printf("%-" + width + "s  clips%n", "label");
                counts.forEach((label, n) -> stdout.printf("%-" + width + "s  %5d%n", label, n));
                extra.forEach((key, n) -> stdout.printf("%-" + width + "s  %5d%n", "(" + key + ")", n));
            }
        }
        stdout.flush();
    }

    private static String lines(List<Annotation> rows) {
        StringBuilder text = new StringBuilder();
        for (Annotation row : rows) {
            text.append(text.length() == 0 ? "" : ", ").append(row.line());
        }
        return text.toString();
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
