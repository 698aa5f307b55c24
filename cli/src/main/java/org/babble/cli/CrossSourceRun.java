package org.babble.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.babble.core.evaluate.Scores;
import org.babble.core.features.FeatureLayout;
import org.babble.core.features.FeatureSettings;
import org.babble.core.train.Checkpoint;
import org.babble.core.train.CheckpointFolder;
import org.babble.core.train.RunConfiguration;
import org.babble.core.train.TrainSettings;
import org.babble.core.train.Trainer;
import org.babble.core.train.TrainingObserver;
import org.babble.dataset.augment.AugmentSettings;
import org.babble.dataset.crosssource.CrossSourceData;
import org.babble.dataset.crosssource.CrossSourceResult;
import org.babble.dataset.crosssource.CrossSourceResult.FoldScores;
import org.babble.dataset.index.DatasetSettings;
import org.babble.dataset.index.Example;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.adapter.SingletonDataSetIterator;

/**
 * {@code train --cross-source K}: one model per fold, trained exactly as the run was on the folder without the fold's
 * recordings, and scored on those recordings. The test split shares recordings with training, so only this says how
 * the user's own command does on the next night.
 */
final class CrossSourceRun {
    private CrossSourceRun() {}

    /** Trains the folds under {@code root/fold-N} and returns the summed figures. */
    static CrossSourceResult run(
            RunConfiguration run, AugmentSettings augment, DatasetSettings dataset, int k, Path root, boolean quiet) {
        TrainSettings settings = run.training();
        FeatureSettings features = run.features();
        int threads = Runtime.getRuntime().availableProcessors();
        FeatureLayout layout = settings.architecture().layout();
        try (CrossSourceData data = CrossSourceData.load(dataset, features, augment, k, threads);
                Progress progress = Progress.start("cross-source", (long) k * settings.totalSteps(), quiet)) {
            List<String> labels = data.labels();
            List<FoldScores> perFold = new ArrayList<>();
            for (int fold = 0; fold < k; fold++) {
                List<Example> clips = data.testClips(fold);
                if (clips.isEmpty()) {
                    progress.stepBy(settings.totalSteps());
                    continue;
                }
                Path dir = root.resolve("fold-" + (fold + 1));
                // the folds belong to the run in the train dir, which a fresh run may only replace: so do its folds
                new CheckpointFolder(dir, Integer.MAX_VALUE).clear();
                try (DatasetTrainingData foldData = new DatasetTrainingData(data.foldSource(fold, threads), layout)) {
                    Trainer trainer = new Trainer(run, labels, foldData, dir);
                    trainer.observe(new TrainingObserver() {
                        @Override
                        public void step(StepResult r) {
                            progress.step();
                        }
                    });
                    trainer.train();
                    MultiLayerNetwork net =
                            Checkpoint.read(dir.resolve(CheckpointFolder.BEST)).network();
                    Scores unseen = Scores.of(
                            net, new SingletonDataSetIterator(data.batch(clips).toDataSet(layout)), labels);
                    Scores held = Scores.of(net, foldData.testing(), labels);
                    perFold.add(new FoldScores(
                            fold,
                            unseen,
                            clips.stream().map(Example::source).toList(),
                            only(held, data.folds().singleSourceClasses())));
                }
            }
            return CrossSourceResult.of(data.folds(), labels, perFold);
        }
    }

    /** The rows of {@code scores} whose true label is one of {@code classes}; null when none is. */
    private static Scores only(Scores scores, List<String> classes) {
        int[] rows = IntStream.range(0, scores.size())
                .filter(i -> classes.contains(scores.labels().get(scores.truth()[i])))
                .toArray();
        if (rows.length == 0) {
            return null;
        }
        int[] truth = new int[rows.length];
        float[][] values = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            truth[i] = scores.truth()[rows[i]];
            values[i] = scores.scores()[rows[i]];
        }
        return new Scores(scores.labels(), truth, values);
    }
}
