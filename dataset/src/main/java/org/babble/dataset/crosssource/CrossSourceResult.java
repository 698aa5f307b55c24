package org.babble.dataset.crosssource;

import java.util.ArrayList;
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
 */
public record CrossSourceResult(
        int folds, Confusion confusion, Confusion unseen, List<ClassResult> classes, int trainedFolds) {

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

    /** One fold's scores: its unseen test clips, and its same-recording held-out clips of single-source classes. */
    public record FoldScores(int fold, Scores unseen, Scores sameRecording) {}

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
                sourceFolds.k(), confusion, new Confusion(labels, unseen), List.copyOf(classes), perFold.size());
    }

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
