package org.babble.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.babble.core.features.FeatureSettings;
import org.babble.core.train.RunConfiguration.Augmentation;

/**
 * A {@link RunConfiguration} as the {@code babble train} flags that make it again, one {@code --flag=value} per
 * element, every setting spelled out (the long-clip defaults too, so a later babble with other defaults still makes
 * the same run). Where to write (--train-dir) and what to do after (--cross-source) are not the run and are left out,
 * as are the dropout rate, the checkpoints kept and the mel filterbank's lower edge and channel count, which have no
 * flag: {@code babble train} always uses their defaults.
 */
public final class RunCommandLine {
    private RunCommandLine() {}

    public static List<String> of(RunConfiguration run) {
        TrainSettings t = run.training();
        FeatureSettings f = run.features();
        List<String> flags = new ArrayList<>();
        add(flags, "data-dir", t.dataDir());
        add(flags, "wanted-words", String.join(",", t.wantedWords()));
        add(flags, "sample-rate", f.sampleRate());
        add(flags, "clip-duration-ms", f.clipDurationMs());
        add(flags, "how-many-training-steps", joined(t.howManyTrainingSteps()));
        add(flags, "learning-rate", joined(t.learningRates()));
        add(flags, "batch-size", t.batchSize());
        add(flags, "eval-step-interval", t.evalStepInterval());
        add(flags, "save-step-interval", t.saveStepInterval());
        add(flags, "model-architecture", t.architecture().flagName());
        add(flags, "window-size-ms", f.windowSizeMs());
        add(flags, "window-stride-ms", f.windowStrideMs());
        add(flags, "feature-bin-count", f.featureBinCount());
        add(flags, "upper-frequency", f.upperFrequencyHz());
        add(flags, "preprocess", lower(f.preprocess()));
        add(flags, "feature-normalization", lower(f.normalization()));
        add(flags, "feature-compression", lower(f.compression()));
        add(flags, "background-volume", t.backgroundVolume());
        add(flags, "background-frequency", t.backgroundFrequency());
        add(flags, "silence-percentage", t.silencePercentage());
        add(flags, "unknown-percentage", t.unknownPercentage());
        add(flags, "time-shift-ms", t.timeShiftMs());
        add(flags, "testing-percentage", t.testingPercentage());
        add(flags, "validation-percentage", t.validationPercentage());
        Augmentation a = run.augmentation();
        if (a != null) {
            add(flags, "gain-db", a.gainDb());
            add(flags, "low-pass-probability", a.lowPassProbability());
            add(flags, "high-pass-probability", a.highPassProbability());
            add(flags, "equalizer-db", a.equalizerDb());
            add(flags, "pause-probability", a.pauseProbability());
            add(flags, "mix-probability", a.mix().probability());
            if (!a.mix().labels().isEmpty()) {
                add(flags, "mix-labels", String.join(",", a.mix().labels()));
            }
            add(
                    flags,
                    "mix-snr-db",
                    number(a.mix().minSnrDb()) + "," + number(a.mix().maxSnrDb()));
            add(flags, "augment-on", lower(a.augmentOn()));
            add(flags, "frequency-shift-bands", a.frequencyShiftBands());
            add(flags, "time-masks", a.timeMasks());
            add(flags, "frequency-masks", a.frequencyMasks());
        }
        add(flags, "seed", t.seed());
        return List.copyOf(flags);
    }

    private static void add(List<String> flags, String name, Object value) {
        flags.add("--" + name + "=" + (value instanceof Double d ? number(d) : value));
    }

    private static String joined(List<? extends Number> values) {
        return values.stream()
                .map(v -> v instanceof Double d ? number(d) : v.toString())
                .collect(Collectors.joining(","));
    }

    /** 12 rather than 12.0; otherwise Java's shortest exact spelling, which parses back to the same double. */
    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
