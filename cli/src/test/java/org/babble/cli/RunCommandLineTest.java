package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.babble.core.features.FeatureSettings;
import org.babble.core.features.FeatureSettings.Compression;
import org.babble.core.features.FeatureSettings.Normalization;
import org.babble.core.features.FeatureSettings.Preprocess;
import org.babble.core.model.Architecture;
import org.babble.core.train.RunCommandLine;
import org.babble.core.train.RunConfiguration;
import org.babble.core.train.RunConfiguration.AugmentOn;
import org.babble.core.train.RunConfiguration.Augmentation;
import org.babble.core.train.RunConfiguration.Mix;
import org.babble.core.train.TrainSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.ParseResult;

/**
 * Provenance's command line is one {@code babble train} accepts and that makes the same run: printed from a
 * configuration, parsed by the real command, it gives that configuration back. Every setting with a flag differs from
 * its default in one of the two runs (the long clip's defaults are not the word's, so each run departs from its own);
 * dropout, checkpoints kept and the mel filterbank's lower edge and channels have no flag and keep theirs.
 */
class RunCommandLineTest {
    static Stream<RunConfiguration> runs() {
        TrainSettings defaults = TrainSettings.defaults();
        FeatureSettings tf22k = FeatureSettings.defaults(22050, 3000);
        RunConfiguration longClip = new RunConfiguration(
                new TrainSettings(
                        List.of(30, 7),
                        List.of(0.002, 0.0002),
                        17,
                        13,
                        11,
                        Architecture.LOW_LATENCY_CONV,
                        defaults.dropoutRate(),
                        42,
                        defaults.keepCheckpoints(),
                        "/data/night one",
                        List.of("crying", "laughing"),
                        7,
                        8,
                        0.2,
                        0.6,
                        50,
                        12,
                        14),
                new FeatureSettings(
                        22050,
                        3000,
                        45,
                        15,
                        32,
                        Preprocess.LOGMEL,
                        tf22k.lowerFrequencyHz(),
                        6000,
                        tf22k.melChannels(),
                        Normalization.STANDARD,
                        Compression.LOG),
                new Augmentation(
                        6, 0.3, 0.2, 4, 0.35, AugmentOn.AUDIO, 0, 1, 3, new Mix(0.3, List.of("laughing"), -5, 15)));
        FeatureSettings tf8k = FeatureSettings.defaults(8000, 800);
        RunConfiguration word = new RunConfiguration(
                new TrainSettings(
                        List.of(250, 0, 60),
                        List.of(0.01, 0.005, 0.00025),
                        64,
                        50,
                        25,
                        Architecture.TC_RESNET_MAX,
                        defaults.dropoutRate(),
                        -3,
                        defaults.keepCheckpoints(),
                        "words",
                        List.of("yes", "no", "noise"),
                        0,
                        25,
                        0.05,
                        1,
                        0,
                        5,
                        5),
                new FeatureSettings(
                        8000,
                        800,
                        25,
                        12.5,
                        13,
                        Preprocess.MFCC,
                        tf8k.lowerFrequencyHz(),
                        3500,
                        tf8k.melChannels(),
                        Normalization.MEAN,
                        Compression.PCEN),
                new Augmentation(0, 0, 0.75, 0, 0.1, AugmentOn.BANDS, 2, 0, 4, new Mix(0.25, List.of("noise"), 5, 25)));
        return Stream.of(longClip, word);
    }

    @ParameterizedTest
    @MethodSource("runs")
    void thePrintedCommandLineParsesBackToTheSameRun(RunConfiguration run) {
        List<String> args = new ArrayList<>(List.of("train"));
        args.addAll(RunCommandLine.of(run));

        ParseResult parsed = Cli.create().parseArgs(args.toArray(String[]::new));
        TrainCommand train = (TrainCommand) parsed.subcommand().commandSpec().userObject();

        assertEquals(run, train.configuration(), String.join(" ", args));
    }
}
