package org.babble.dataset.crosssource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.babble.core.evaluate.ClassMetrics;
import org.babble.core.evaluate.Confusion;
import org.babble.core.evaluate.Scores;

/**
 * What a cross-source evaluation found: the confusion summed over folds and, per class, how it was tested, its figures
 * and what to record more of.
 *
 * <p>A multi-source class's rows hold each of its clips once, scored by the one fold whose model never heard its
 * recording. A single-source class's rows hold its held-out blocks (the end of its recording, as {@code babble train}
 * tests it) once per fold: a same-recording figure, averaged over the folds' models. Precision and F1 are read off the
 * summed matrix, so clips of every class that a model wrongly calls X count against X.
 *
 * @param folds        the K of the K-fold
 * @param confusion    every scored clip, summed over folds
 * @param unseen       only the clips scored on recordings their model never heard
 * @param classes      one entry per wanted class, in label order
 * @param trainedFolds folds that had test clips and so trained a model
 * @param mistaken     the unseen recordings a model called something else, most mistaken clips first
 */
public record CrossSourceResult(
        int folds,
        Confusion confusion,
        Confusion unseen,
        List<ClassResult> classes,
        int trainedFolds,
        List<MistakenRecording> mistaken) {

    /** How a class was tested. */
    public enum Tested {
        /** On recordings its fold's model never heard. */
        UNSEEN_SOURCES("unseen recordings"),
        /** On held-out blocks of its only recording. */
        SAME_RECORDING("same recording");

        private final String words;

        Tested(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * One class's figures.
     *
     * @param clips  scored rows (a same-recording clip once per fold)
     * @param advice one line naming what to record more of
     */
    public record ClassResult(
            String label,
            Tested tested,
            int sources,
            int clips,
            double recall,
            double precision,
            double f1,
            String advice) {}

    /**
     * One unseen recording whose clips a model called another label: what a detector will do on the next night when it
     * meets that sound. A parent reads "noise esc1-47819: 3 of 3 clips called crying" as the kind of sound to record
     * more of, under its own label, so the next model has heard one.
     *
     * @param label  the recording's class
     * @param source the recording (the clip names' part before {@code _nohash_})
     * @param clips  its clips scored unseen
     * @param calledAs the label its clips were most often given instead of {@code label}
     * @param called how many of its clips were given {@code calledAs}
     */
    public record MistakenRecording(String label, String source, int clips, String calledAs, int called) {
        /** "3 of 4 clips", "1 of 1 clip". */
        public String share() {
            return called + " of " + clips + (clips == 1 ? " clip" : " clips");
        }
    }

    /**
     * One fold's scores: its unseen test clips with the recording of each, and its same-recording held-out clips of
     * single-source classes.
     */
    public record FoldScores(int fold, Scores unseen, List<String> unseenSources, Scores sameRecording) {
        public FoldScores {
            unseenSources = List.copyOf(unseenSources);
            if (unseen != null && unseen.size() != unseenSources.size()) {
                throw new IllegalArgumentException(
                        unseen.size() + " unseen clips but " + unseenSources.size() + " recordings named");
            }
        }
    }

    /** Sums the folds' scores and reads each class's figures and advice off them. */
    public static CrossSourceResult of(SourceFolds sourceFolds, List<String> labels, List<FoldScores> perFold) {
        long[][] all = new long[labels.size()][labels.size()];
        long[][] unseen = new long[labels.size()][labels.size()];
        for (FoldScores fold : perFold) {
            add(fold.unseen(), all);
            add(fold.unseen(), unseen);
            add(fold.sameRecording(), all);
        }
        Confusion confusion = new Confusion(labels, all);
        List<ClassMetrics> metrics = ClassMetrics.of(confusion);
        List<ClassResult> classes = new ArrayList<>();
        for (String label : labels) {
            Map<String, Integer> sources = sourceFolds.clipsBySource(label);
            if (sources.isEmpty()) {
                continue;
            }
            ClassMetrics m = metrics.get(labels.indexOf(label));
            Tested tested = sources.size() == 1 ? Tested.SAME_RECORDING : Tested.UNSEEN_SOURCES;
            classes.add(new ClassResult(
                    label,
                    tested,
                    sources.size(),
                    (int) m.support(),
                    m.recall(),
                    m.precision(),
                    m.f1(),
                    RecordingAdvice.line(label, sources, tested == Tested.UNSEEN_SOURCES ? m.recall() : null)));
        }
        return new CrossSourceResult(
                sourceFolds.k(),
                confusion,
                new Confusion(labels, unseen),
                List.copyOf(classes),
                perFold.size(),
                mistaken(labels, perFold));
    }

    /** The mistaken recordings whose most frequent wrong label is {@code calledAs}, most mistaken first. */
    public List<MistakenRecording> calledAs(String calledAs) {
        return mistaken.stream().filter(m -> m.calledAs().equals(calledAs)).toList();
    }

    /** One line per wanted class that unseen recordings of others were called: what it will fire on next. */
    public List<String> falseAlarmAdvice() {
        List<String> lines = new ArrayList<>();
        for (ClassResult c : classes) {
            List<MistakenRecording> called = calledAs(c.label());
            if (!called.isEmpty()) {
                lines.add(RecordingAdvice.falseAlarms(c.label(), called));
            }
        }
        return List.copyOf(lines);
    }

    /** Each unseen recording's most frequent wrong label, over the folds (each recording is tested by one fold). */
    private static List<MistakenRecording> mistaken(List<String> labels, List<FoldScores> perFold) {
        // per recording of a class: how often each label was predicted for its clips
        Map<Recording, int[]> predictions = new LinkedHashMap<>();
        for (FoldScores fold : perFold) {
            Scores scores = fold.unseen();
            for (int i = 0; scores != null && i < scores.size(); i++) {
                Recording recording =
                        new Recording(scores.truth()[i], fold.unseenSources().get(i));
                predictions.computeIfAbsent(recording, r -> new int[labels.size()])[scores.predicted(i)]++;
            }
        }
        List<MistakenRecording> mistaken = new ArrayList<>();
        predictions.forEach((recording, counts) -> {
            int worst = -1;
            for (int l = 0; l < counts.length; l++) {
                if (l != recording.truth() && counts[l] > 0 && (worst < 0 || counts[l] > counts[worst])) {
                    worst = l;
                }
            }
            if (worst >= 0) {
                mistaken.add(new MistakenRecording(
                        labels.get(recording.truth()),
                        recording.source(),
                        Arrays.stream(counts).sum(),
                        labels.get(worst),
                        counts[worst]));
            }
        });
        mistaken.sort(Comparator.comparingInt(MistakenRecording::called)
                .reversed()
                .thenComparing(m -> (double) m.called() / m.clips(), Comparator.reverseOrder())
                .thenComparing(MistakenRecording::label)
                .thenComparing(MistakenRecording::source));
        return List.copyOf(mistaken);
    }

    /** A recording of one class: its clips' true label index and its source name. */
    private record Recording(int truth, String source) {}

    /** The class's figures; throws when it was not evaluated. */
    public ClassResult of(String label) {
        return classes.stream()
                .filter(c -> c.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cross-source figures for " + label));
    }

    /** Recordings tested unseen, over all classes. */
    public int unseenSources() {
        return classes.stream()
                .filter(c -> c.tested() == Tested.UNSEEN_SOURCES)
                .mapToInt(ClassResult::sources)
                .sum();
    }

    private static void add(Scores scores, long[][] counts) {
        if (scores == null) {
            return;
        }
        for (int i = 0; i < scores.size(); i++) {
            counts[scores.truth()[i]][scores.predicted(i)]++;
        }
    }
}
