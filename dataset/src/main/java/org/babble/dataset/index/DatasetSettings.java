package org.babble.dataset.index;

import java.nio.file.Path;
import java.util.List;
import org.babble.core.train.TrainSettings;

/**
 * How a folder of label folders becomes a labelled, split data set; TF speech_commands' flags and defaults.
 *
 * @param dataDir                  one folder per label, plus an optional {@code _background_noise_} folder
 * @param wantedWords              the classes to learn, in output order after {@code _silence_} and {@code _unknown_}
 * @param silencePercentage        {@code _silence_} examples added to each split, as a percentage of its wanted-word count
 * @param unknownPercentage        {@code _unknown_} examples added to each split, as a percentage of its wanted-word count
 * @param validationPercentage     share of names hashed into validation
 * @param testingPercentage        share of names hashed into testing
 * @param seed                     seeds every shuffle and every random choice
 * @param maxUnreadablePercentage  unreadable clips above this share of all clips stop loading (TF has no such limit)
 * @param allowEmptyClasses        when false, a class with no examples in some split stops the build, naming both
 */
public record DatasetSettings(
        Path dataDir,
        List<String> wantedWords,
        double silencePercentage,
        double unknownPercentage,
        double validationPercentage,
        double testingPercentage,
        long seed,
        double maxUnreadablePercentage,
        boolean allowEmptyClasses) {

    /** TF's default seed for the data index ({@code RANDOM_SEED} in input_data.py). */
    public static final long TF_SEED = 59185;

    public DatasetSettings {
        require(dataDir != null, "dataDir", dataDir);
        require(wantedWords != null && !wantedWords.isEmpty(), "wantedWords", wantedWords);
        wantedWords =
                wantedWords.stream().map(String::trim).map(String::toLowerCase).toList();
        for (String word : wantedWords) {
            require(!word.isEmpty() && !word.startsWith("_"), "wantedWords (empty or starting with _)", word);
        }
        require(
                wantedWords.stream().distinct().count() == wantedWords.size(),
                "wantedWords (repeated word)",
                wantedWords);
        require(percentage(silencePercentage), "silencePercentage", silencePercentage);
        require(percentage(unknownPercentage), "unknownPercentage", unknownPercentage);
        require(percentage(validationPercentage), "validationPercentage", validationPercentage);
        require(percentage(testingPercentage), "testingPercentage", testingPercentage);
        require(
                validationPercentage + testingPercentage < 100,
                "validationPercentage + testingPercentage",
                validationPercentage + testingPercentage);
        require(percentage(maxUnreadablePercentage), "maxUnreadablePercentage", maxUnreadablePercentage);
    }

    /** TF speech_commands defaults: 10% silence, 10% unknown, 10% validation, 10% testing, 1% unreadable allowed. */
    public static DatasetSettings defaults(Path dataDir, List<String> wantedWords) {
        return new DatasetSettings(dataDir, wantedWords, 10, 10, 10, 10, TF_SEED, 1, false);
    }

    /**
     * The data set a training run with these settings drew from {@code dataDir}: its words, percentages and seed, so
     * evaluating later sees exactly the run's validation and test clips.
     */
    public static DatasetSettings forRun(Path dataDir, TrainSettings run) {
        return defaults(dataDir, run.wantedWords())
                .withPercentages(
                        run.silencePercentage(),
                        run.unknownPercentage(),
                        run.validationPercentage(),
                        run.testingPercentage())
                .withSeed(TF_SEED + run.seed() - 1);
    }

    public DatasetSettings withSeed(long value) {
        return new DatasetSettings(
                dataDir,
                wantedWords,
                silencePercentage,
                unknownPercentage,
                validationPercentage,
                testingPercentage,
                value,
                maxUnreadablePercentage,
                allowEmptyClasses);
    }

    public DatasetSettings withAllowEmptyClasses(boolean value) {
        return new DatasetSettings(
                dataDir,
                wantedWords,
                silencePercentage,
                unknownPercentage,
                validationPercentage,
                testingPercentage,
                seed,
                maxUnreadablePercentage,
                value);
    }

    public DatasetSettings withPercentages(double silence, double unknown, double validation, double testing) {
        return new DatasetSettings(
                dataDir,
                wantedWords,
                silence,
                unknown,
                validation,
                testing,
                seed,
                maxUnreadablePercentage,
                allowEmptyClasses);
    }

    private static boolean percentage(double value) {
        return value >= 0 && value <= 100;
    }

    private static void require(boolean ok, String field, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("invalid data set setting " + field + ": " + value);
        }
    }
}
