package org.babble.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.babble.core.BabbleException;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.DecodedWav;
import org.babble.core.audio.WavReader;
import org.babble.core.inference.Classifier;
import org.babble.core.inference.WindowedScores;
import org.babble.core.streaming.RecordingScores;
import org.babble.core.streaming.TruthEpisode;
import org.babble.dataset.label.Annotation;
import org.babble.dataset.label.AnnotationFiles;
import picocli.CommandLine.Option;

/**
 * The recordings of a streaming evaluation ({@code evaluate --night}, {@code calibrate}): nights with their ground
 * truth, and recordings known to hold no target sound. Each is scored once, in windows of one clip every hop, by the
 * {@link Classifier} that classify and monitor use; a file that cannot be read is reported and the others still count.
 */
final class NightInputs {
    @Option(
            names = {"--night", "--wav"},
            paramLabel = "WAV",
            description = "A long recording with ground truth (repeatable; TF's --wav).")
    List<Path> nights = new ArrayList<>();

    @Option(
            names = {"--truth", "--ground-truth", "--ground_truth"},
            paramLabel = "CSV",
            description = "Ground truth of a night: start_s,end_s,label rows or Audacity labels (repeatable, paired"
                    + " with --night by order; default: the night's name with .csv or .txt).")
    List<Path> truths = new ArrayList<>();

    @Option(
            names = "--negatives",
            arity = "1..*",
            paramLabel = "DIR|WAV",
            description = "Recordings with none of the target sounds (folders: every .wav below), for false alarms"
                    + " per hour over long stretches.")
    List<String> negatives = new ArrayList<>();

    @Option(
            names = {"--tolerance-ms", "--time-tolerance-ms", "--time_tolerance_ms"},
            defaultValue = "750",
            paramLabel = "MS",
            description = "A detection this close to an episode still finds it (default:" + " ${DEFAULT-VALUE}, TF's).")
    long toleranceMs;

    @Option(
            names = "--hop",
            paramLabel = "SECONDS",
            description = "Distance between windows (default: the model's calibration, else half a clip; as classify).")
    Double hopSeconds;

    @Option(
            names = "--label",
            paramLabel = "LABEL",
            description = "Report (and sweep) this label only (default: every label not starting with _).")
    String label;

    /** The recordings scored, the names of all given, and how many could not be used. */
    record Scored(List<RecordingScores> recordings, List<String> names, int failed) {}

    /** Usage problems with these options, or null when they can be used. */
    String problem() {
        if (nights.isEmpty() && negatives.isEmpty()) {
            return "give at least one --night WAV (with --truth CSV) or --negatives";
        }
        if (!truths.isEmpty() && truths.size() != nights.size()) {
            return truths.size() + " --truth files for " + nights.size() + " --night recordings: give one per night,"
                    + " in the same order, or none (then NIGHT.csv beside each night is used)";
        }
        if (hopSeconds != null && Math.round(hopSeconds * 1000) <= 0) {
            return "--hop must be positive";
        }
        if (toleranceMs < 0) {
            return "--tolerance-ms must not be negative";
        }
        return null;
    }

    Scored score(Classifier classifier, long hopMs, boolean quiet, PrintWriter err) {
        List<RecordingScores> recordings = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < nights.size(); i++) {
            Path night = nights.get(i);
            names.add(night.toString());
            try {
                Path truth = truths.isEmpty() ? truthBeside(night) : truths.get(i);
                recordings.add(score(
                        classifier, night, truth(truth, classifier.model().labels(), quiet, err), hopMs, quiet, err));
            } catch (BabbleException e) {
                failed++;
                err.println("babble: " + e.getMessage());
            }
        }
        InputFiles.Expansion expansion = InputFiles.expand(negatives);
        for (String problem : expansion.problems()) {
            failed++;
            err.println("babble: " + problem);
        }
        for (Path negative : expansion.files()) {
            names.add(negative.toString());
            try {
                recordings.add(score(classifier, negative, List.of(), hopMs, quiet, err));
            } catch (BabbleException e) {
                failed++;
                err.println("babble: " + e.getMessage());
            }
        }
        return new Scored(recordings, names, failed);
    }

    private static RecordingScores score(
            Classifier classifier, Path file, List<TruthEpisode> truth, long hopMs, boolean quiet, PrintWriter err) {
        DecodedWav wav = WavReader.read(file);
        for (String warning : wav.warnings()) {
            err.println("babble: warning: " + file + ": " + warning);
        }
        AudioClip clip = wav.clip();
        long durationMs = Math.round(clip.durationSeconds() * 1000);
        if (durationMs <= 0) {
            throw new BabbleException(file, "the recording holds no audio", "give a recording with sound in it");
        }
        long clipMs = classifier.model().metadata().featureSettings().clipDurationMs();
        long expected = Math.max(1, (durationMs - clipMs) / hopMs + 1);
        WindowedScores windows;
        try (Progress progress = Progress.start("score " + file.getFileName(), expected, quiet || expected < 200)) {
            windows = classifier.classifyWindows(clip, hopMs, progress::stepBy);
        }
        return new RecordingScores(file.toString(), durationMs, windows.windows(), truth);
    }

    private static Path truthBeside(Path night) {
        String name = night.getFileName().toString();
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        for (String extension : List.of(".csv", ".txt")) {
            Path candidate = night.resolveSibling(stem + extension);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new BabbleException(
                night,
                "no ground truth (" + stem + ".csv or " + stem + ".txt beside it)",
                "give --truth CSV for it, or --negatives if it holds no target sound");
    }

    private static List<TruthEpisode> truth(Path file, List<String> modelLabels, boolean quiet, PrintWriter err) {
        List<TruthEpisode> episodes = new ArrayList<>();
        TreeSet<String> unknown = new TreeSet<>();
        for (Annotation a : AnnotationFiles.read(file)) {
            try {
                episodes.add(new TruthEpisode(a.label(), Math.round(a.start() * 1000), Math.round(a.end() * 1000)));
            } catch (IllegalArgumentException e) {
                throw new BabbleException(
                        file, "line " + a.line() + ": " + e.getMessage(), "fix that line of the ground truth");
            }
            if (!modelLabels.contains(a.label())) {
                unknown.add(a.label());
            }
        }
        if (!quiet && !unknown.isEmpty()) {
            err.println("babble: note: " + file + ": labels " + String.join(", ", unknown) + " are not the model's;"
                    + " their time counts as time without the model's labels");
        }
        return episodes;
    }
}
