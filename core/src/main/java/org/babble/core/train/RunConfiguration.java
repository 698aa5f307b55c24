package org.babble.core.train;

import java.util.List;
import org.babble.core.features.FeatureSettings;

/**
 * Every setting that shapes a training run, as one validated value: what {@code babble train}'s flags resolve to (the
 * long-clip defaults of {@link LongClipDefaults} filled in), written whole into each checkpoint and each frozen model.
 * A resumed run reads it back instead of the flags, so it continues as it started; provenance prints it as the command
 * line that makes it again ({@link RunCommandLine}).
 *
 * @param training     data set, split, network, optimiser, steps and seed ({@link TrainSettings})
 * @param features     the features the network sees
 * @param augmentation how training clips are varied beyond TF's background and time shift (those two are in
 *                     {@code training}); null only in checkpoints written before babble saved it
 */
public record RunConfiguration(TrainSettings training, FeatureSettings features, Augmentation augmentation) {

    public RunConfiguration {
        require(training != null, "training", training);
        require(features != null, "features", features);
    }

    /** Where training varies a clip: its cached mel bands (fast) or its audio, as TF does. */
    public enum AugmentOn {
        BANDS,
        AUDIO
    }

    /**
     * Mixing other training clips under a share of the clips, as their background.
     *
     * @param probability share of training clips mixed; 0 is off
     * @param labels      folders whose training clips serve as backgrounds (empty when off)
     * @param minSnrDb    lowest ratio of the clip's power to the background's, in dB
     * @param maxSnrDb    highest ratio
     */
    public record Mix(double probability, List<String> labels, double minSnrDb, double maxSnrDb) {
        public static final Mix NONE = new Mix(0, List.of(), 0, 20);

        public Mix {
            labels = List.copyOf(require(labels, "augmentation.mix.labels"));
            require(probability >= 0 && probability <= 1, "augmentation.mix.probability (0 to 1)", probability);
            require(
                    minSnrDb >= -30 && maxSnrDb <= 60 && minSnrDb <= maxSnrDb,
                    "augmentation.mix SNR range (-30 to 60 dB, lowest first)",
                    minSnrDb + "," + maxSnrDb);
            require(probability == 0 || !labels.isEmpty(), "augmentation.mix.labels (some when mixing)", labels);
        }
    }

    /**
     * babble's variations of training clips, each a flag of {@code babble train}.
     *
     * @param gainDb              random gain within this many dB either way; 0 is off
     * @param lowPassProbability  share of clips low-passed at a random cutoff
     * @param highPassProbability share of clips high-passed at a random cutoff
     * @param equalizerDb         random bass and treble shelves within this many dB either way
     * @param pauseProbability    share of clips whose sound drops away for moments
     * @param augmentOn           bands or audio
     * @param frequencyShiftBands mel bands move by up to this many bands (bands only)
     * @param timeMasks           SpecAugment time masks per clip
     * @param frequencyMasks      SpecAugment frequency masks per clip
     * @param mix                 other clips mixed under a share of clips
     */
    public record Augmentation(
            double gainDb,
            double lowPassProbability,
            double highPassProbability,
            double equalizerDb,
            double pauseProbability,
            AugmentOn augmentOn,
            int frequencyShiftBands,
            int timeMasks,
            int frequencyMasks,
            Mix mix) {
        /** Nothing varied: the clips as they are, for tests and for data that is not audio. */
        public static final Augmentation NONE = new Augmentation(0, 0, 0, 0, 0, AugmentOn.AUDIO, 0, 0, 0, Mix.NONE);

        public Augmentation {
            require(gainDb >= 0 && gainDb <= 40, "augmentation.gainDb (0 to 40)", gainDb);
            require(probability(lowPassProbability), "augmentation.lowPassProbability (0 to 1)", lowPassProbability);
            require(probability(highPassProbability), "augmentation.highPassProbability (0 to 1)", highPassProbability);
            require(equalizerDb >= 0 && equalizerDb <= 24, "augmentation.equalizerDb (0 to 24)", equalizerDb);
            require(probability(pauseProbability), "augmentation.pauseProbability (0 to 1)", pauseProbability);
            require(augmentOn != null, "augmentation.augmentOn", augmentOn);
            require(frequencyShiftBands >= 0, "augmentation.frequencyShiftBands", frequencyShiftBands);
            require(
                    frequencyShiftBands == 0 || augmentOn == AugmentOn.BANDS,
                    "augmentation.frequencyShiftBands (mel bands only: augment on bands)",
                    frequencyShiftBands);
            require(timeMasks >= 0, "augmentation.timeMasks", timeMasks);
            require(frequencyMasks >= 0, "augmentation.frequencyMasks", frequencyMasks);
            require(mix != null, "augmentation.mix", mix);
        }

        private static boolean probability(double value) {
            return value >= 0 && value <= 1;
        }
    }

    /** True when this configuration says everything about the run: checkpoints before it lack the augmentation. */
    public boolean isComplete() {
        return augmentation != null;
    }

    /** The same run with other phases (a resumed run extending its last phase). */
    public RunConfiguration withSteps(List<Integer> steps, List<Double> rates) {
        return new RunConfiguration(training.withSteps(steps, rates), features, augmentation);
    }

    private static <T> T require(T value, String field) {
        require(value != null, field, "missing");
        return value;
    }

    private static void require(boolean ok, String field, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("invalid run configuration " + field + ": " + value);
        }
    }
}
