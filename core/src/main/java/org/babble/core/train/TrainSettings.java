package org.babble.core.train;

import java.util.List;
import org.babble.core.model.Architecture;

/**
 * Every flag of TF's {@code train.py} that shapes a training run, as one validated value: the data set, split, network,
 * optimiser and seed part of a {@link RunConfiguration}, which each checkpoint saves whole so a resumed run continues
 * exactly as it started.
 *
 * <p>Defaults ({@link #defaults()}) are babble's, chosen so the default network reaches high accuracy on two CPU cores
 * within minutes; where they differ from TF's the field says so.
 *
 * @param howManyTrainingSteps  steps per learning-rate phase (TF {@code --how_many_training_steps}, TF default
 *                              15000,3000); a phase may have 0 steps
 * @param learningRates         Adam learning rate per phase, same count as the phases (TF default 0.001,0.0001)
 * @param batchSize             clips per training step (TF 100)
 * @param evalStepInterval      steps between validation runs (TF 400)
 * @param saveStepInterval      steps between checkpoints (TF 100)
 * @param architecture          network (TF default {@code conv}; babble's {@link Architecture#DEFAULT})
 * @param dropoutRate           fraction of activations dropped while training (TF 0.5)
 * @param seed                  seeds initial weights, batch draws and dropout: same seed, same run
 * @param keepCheckpoints       how many of the latest checkpoints stay on disk (TF's saver keeps 5)
 * @param dataDir               folder of label folders
 * @param wantedWords           labels to learn besides {@code _silence_} and {@code _unknown_}
 * @param silencePercentage     share of {@code _silence_} examples (TF 10)
 * @param unknownPercentage     share of {@code _unknown_} examples (TF 10)
 * @param backgroundVolume      loudest background noise mixed in (TF 0.1)
 * @param backgroundFrequency   share of training clips with background mixed in (TF 0.8)
 * @param timeShiftMs           largest random time shift (TF 100)
 * @param testingPercentage     share of files in the test split (TF 10)
 * @param validationPercentage  share of files in the validation split (TF 10)
 */
public record TrainSettings(
        List<Integer> howManyTrainingSteps,
        List<Double> learningRates,
        int batchSize,
        int evalStepInterval,
        int saveStepInterval,
        Architecture architecture,
        double dropoutRate,
        long seed,
        int keepCheckpoints,
        String dataDir,
        List<String> wantedWords,
        double silencePercentage,
        double unknownPercentage,
        double backgroundVolume,
        double backgroundFrequency,
        int timeShiftMs,
        double testingPercentage,
        double validationPercentage) {

    public TrainSettings {
        howManyTrainingSteps = List.copyOf(require(howManyTrainingSteps, "howManyTrainingSteps"));
        learningRates = List.copyOf(require(learningRates, "learningRates"));
        wantedWords = List.copyOf(require(wantedWords, "wantedWords"));
        // A phase of 0 steps is allowed, as in TF (--how_many_training_steps=1000,0); the run as a whole needs a step.
        check(
                !howManyTrainingSteps.isEmpty()
                        && howManyTrainingSteps.stream().allMatch(s -> s >= 0)
                        && howManyTrainingSteps.stream()
                                        .mapToLong(Integer::longValue)
                                        .sum()
                                > 0,
                "howManyTrainingSteps (counts of 0 or more, at least one step in all)",
                howManyTrainingSteps);
        check(
                learningRates.size() == howManyTrainingSteps.size(),
                "learningRates (one per training phase: " + howManyTrainingSteps.size() + ")",
                learningRates);
        check(
                learningRates.stream().allMatch(r -> r > 0 && Double.isFinite(r)),
                "learningRates (positive)",
                learningRates);
        check(batchSize > 0, "batchSize", batchSize);
        check(evalStepInterval > 0, "evalStepInterval", evalStepInterval);
        check(saveStepInterval > 0, "saveStepInterval", saveStepInterval);
        check(architecture != null, "architecture", architecture);
        check(dropoutRate >= 0 && dropoutRate < 1, "dropoutRate (0 to below 1)", dropoutRate);
        check(keepCheckpoints > 0, "keepCheckpoints", keepCheckpoints);
        check(wantedWords.stream().noneMatch(String::isBlank), "wantedWords (no empty word)", wantedWords);
        check(percentage(silencePercentage), "silencePercentage", silencePercentage);
        check(percentage(unknownPercentage), "unknownPercentage", unknownPercentage);
        check(backgroundVolume >= 0, "backgroundVolume", backgroundVolume);
        check(
                backgroundFrequency >= 0 && backgroundFrequency <= 1,
                "backgroundFrequency (0 to 1)",
                backgroundFrequency);
        check(timeShiftMs >= 0, "timeShiftMs", timeShiftMs);
        check(percentage(testingPercentage), "testingPercentage", testingPercentage);
        check(percentage(validationPercentage), "validationPercentage", validationPercentage);
        check(
                testingPercentage + validationPercentage < 100,
                "testingPercentage + validationPercentage (below 100)",
                testingPercentage + validationPercentage);
    }

    /** babble's defaults; see the class comment for TF's. */
    public static TrainSettings defaults() {
        return new TrainSettings(
                List.of(DEFAULT_STEPS, DEFAULT_FINE_TUNE_STEPS),
                List.of(0.003, 0.0003),
                100,
                400,
                100,
                Architecture.DEFAULT,
                0.5,
                1,
                5,
                "",
                List.of(),
                10,
                10,
                0.1,
                0.8,
                100,
                10,
                10);
    }

    static final int DEFAULT_STEPS = 400;
    static final int DEFAULT_FINE_TUNE_STEPS = 100;

    /** All phases together. */
    public int totalSteps() {
        return howManyTrainingSteps.stream().mapToInt(Integer::intValue).sum();
    }

    /** The learning-rate phase (0-based) that training step {@code step} (1-based) belongs to. */
    public int phaseOf(int step) {
        int end = 0;
        for (int phase = 0; phase < howManyTrainingSteps.size(); phase++) {
            end += howManyTrainingSteps.get(phase);
            if (step <= end) {
                return phase;
            }
        }
        return howManyTrainingSteps.size() - 1;
    }

    public double learningRateAt(int step) {
        return learningRates.get(phaseOf(step));
    }

    public TrainSettings withSteps(List<Integer> steps, List<Double> rates) {
        return new TrainSettings(
                steps,
                rates,
                batchSize,
                evalStepInterval,
                saveStepInterval,
                architecture,
                dropoutRate,
                seed,
                keepCheckpoints,
                dataDir,
                wantedWords,
                silencePercentage,
                unknownPercentage,
                backgroundVolume,
                backgroundFrequency,
                timeShiftMs,
                testingPercentage,
                validationPercentage);
    }

    public TrainSettings withIntervals(int batch, int eval, int save) {
        return new TrainSettings(
                howManyTrainingSteps,
                learningRates,
                batch,
                eval,
                save,
                architecture,
                dropoutRate,
                seed,
                keepCheckpoints,
                dataDir,
                wantedWords,
                silencePercentage,
                unknownPercentage,
                backgroundVolume,
                backgroundFrequency,
                timeShiftMs,
                testingPercentage,
                validationPercentage);
    }

    public TrainSettings withSeed(long value) {
        return new TrainSettings(
                howManyTrainingSteps,
                learningRates,
                batchSize,
                evalStepInterval,
                saveStepInterval,
                architecture,
                dropoutRate,
                value,
                keepCheckpoints,
                dataDir,
                wantedWords,
                silencePercentage,
                unknownPercentage,
                backgroundVolume,
                backgroundFrequency,
                timeShiftMs,
                testingPercentage,
                validationPercentage);
    }

    private static boolean percentage(double value) {
        return value >= 0 && value <= 100;
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("invalid training setting " + field + ": missing");
        }
        return value;
    }

    private static void check(boolean ok, String field, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("invalid training setting " + field + ": " + value);
        }
    }
}
