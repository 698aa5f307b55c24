package org.babble.dataset.crosssource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.babble.core.BabbleException;
import org.babble.core.features.FeatureExtractors;
import org.babble.core.features.FeatureSettings;
import org.babble.dataset.augment.AugmentDomain;
import org.babble.dataset.augment.AugmentSettings;
import org.babble.dataset.batch.Batch;
import org.babble.dataset.batch.BatchSource;
import org.babble.dataset.cache.ExtractorPool;
import org.babble.dataset.cache.SharedFeatures;
import org.babble.dataset.index.DataIndex;
import org.babble.dataset.index.DatasetSettings;
import org.babble.dataset.index.Example;
import org.babble.dataset.load.ClipLoader;
import org.babble.dataset.load.LoadedData;
import org.babble.dataset.load.RatePolicy;
import org.babble.dataset.split.Split;
import org.babble.dataset.split.WhichSet;

/**
 * One data folder prepared for a grouped K-fold over its recordings: every clip decoded and featurised once, the sources
 * dealt into folds ({@link SourceFolds}), and for each fold the data its model trains on. A fold trains exactly as
 * {@code babble train} would on the folder with the fold's test recordings removed (same split rule, seed and
 * augmentation), so its figures say what the user's own command gives on a recording it never heard.
 */
public final class CrossSourceData implements AutoCloseable {
    private final DatasetSettings run;
    private final FeatureSettings features;
    private final AugmentSettings augment;
    private final LoadedData all;
    private final ClipLoader loader;
    private final ExtractorPool extractors;
    private final SharedFeatures shared;
    private final SourceFolds folds;

    private CrossSourceData(
            DatasetSettings run,
            FeatureSettings features,
            AugmentSettings augment,
            LoadedData all,
            ClipLoader loader,
            ExtractorPool extractors,
            SharedFeatures shared,
            SourceFolds folds) {
        this.run = run;
        this.features = features;
        this.augment = augment;
        this.all = all;
        this.loader = loader;
        this.extractors = extractors;
        this.shared = shared;
        this.folds = folds;
    }

    /**
     * Reads {@code run.dataDir()}, decodes and featurises every clip on {@code threads} threads, and deals its sources
     * into {@code k} folds. Throws when no class has two recordings: nothing could be tested on an unseen one.
     */
    public static CrossSourceData load(
            DatasetSettings run, FeatureSettings features, AugmentSettings augment, int k, int threads) {
        DataIndex everything =
                DataIndex.build(run.withPercentages(run.silencePercentage(), run.unknownPercentage(), 0, 0)
                        .withAllowEmptyClasses(true));
        ClipLoader loader = new ClipLoader(features, RatePolicy.RESAMPLE);
        LoadedData all = LoadedData.load(everything, loader);
        SourceFolds folds = SourceFolds.deal(all.index().examples(Split.TRAINING), run.wantedWords(), k);
        if (folds.multiSourceClasses().isEmpty()) {
            throw new BabbleException(
                    run.dataDir(),
                    "every class is one recording, so none can be tested on a recording" + " the model never heard",
                    "record each sound on another day (the part of a clip's name before"
                            + " _nohash_ names its recording)");
        }
        ExtractorPool extractors = new ExtractorPool(() -> FeatureExtractors.create(features), threads);
        SharedFeatures shared = SharedFeatures.compute(all, extractors, augment.domain() == AugmentDomain.BANDS);
        return new CrossSourceData(run, features, augment, all, loader, extractors, shared, folds);
    }

    public SourceFolds folds() {
        return folds;
    }

    /** {@code _silence_, _unknown_, wanted...}: every fold's model has these outputs. */
    public List<String> labels() {
        return all.index().labels();
    }

    /** The clips fold {@code fold} tests, from recordings its model never heard, ordered by path. */
    public List<Example> testClips(int fold) {
        List<Example> clips = new ArrayList<>();
        for (Example clip : all.index().examples(Split.TRAINING)) {
            if (folds.isTestedBy(clip, fold)) {
                clips.add(clip);
            }
        }
        clips.sort(Comparator.comparing(Example::file));
        return clips;
    }

    /**
     * The data fold {@code fold}'s model trains on: the folder without the fold's test recordings, split and seeded as
     * the run's, featurised on {@code threads} threads of its own (close it when done).
     */
    public BatchSource foldSource(int fold, int threads) {
        Set<String> tested = folds.testSources(fold);
        DataIndex index = DataIndex.build(
                run.withAllowEmptyClasses(true),
                clip -> !tested.contains(WhichSet.hashName(clip.getFileName().toString())));
        LoadedData data = all.sharing(index, loader);
        return new BatchSource(
                data,
                augment,
                new ExtractorPool(() -> FeatureExtractors.create(features), threads),
                run.seed(),
                shared);
    }

    /** Unaugmented features of test clips (computed once, when loading), as a batch in their order. */
    public Batch batch(List<Example> clips) {
        float[][][] matrices = new float[clips.size()][][];
        int[] labels = new int[clips.size()];
        for (int i = 0; i < clips.size(); i++) {
            Example clip = clips.get(i);
            float[][] known = shared.features(clip.file());
            matrices[i] = known != null ? known : extractors.extract(all.audio(clip));
            labels[i] = clip.labelIndex();
        }
        return new Batch(matrices, labels, labels().size());
    }

    /** The folder the folds are drawn from. */
    public Path dataDir() {
        return run.dataDir();
    }

    @Override
    public void close() {
        extractors.close();
    }
}
