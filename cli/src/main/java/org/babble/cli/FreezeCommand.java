package org.babble.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.babble.core.BabbleException;
import org.babble.core.features.FeatureSettings;
import org.babble.core.frozen.FrozenModelWriter;
import org.babble.core.frozen.ModelMetadata;
import org.babble.core.train.TrainedModel;
import org.babble.core.train.TrainingCheckpoints;
import org.babble.dataset.index.Labels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code babble freeze}: turns a training checkpoint into one self-contained {@code model.babble} for inference. TF's
 * feature flags are accepted so freeze.py command lines paste unchanged, but the checkpoint's settings are the truth: a
 * flag that contradicts them is an error rather than a silently different model.
 */
@Command(
        name = "freeze",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Freeze a training checkpoint into one model file (weights, labels, features, provenance).",
        footer = {
            "",
            "TF's other freeze.py flags (--quantize, --clip_stride_ms, --save_format) and the train.py flags"
                    + " pasted with them (--data_dir, --data_url, --how_many_training_steps, --learning_rate, --train_dir,"
                    + " ...) are accepted and ignored, with a note saying why."
        })
public final class FreezeCommand implements Callable<Integer> {
    @Option(
            names = {"--start-checkpoint", "--start_checkpoint"},
            required = true,
            paramLabel = "CKPT",
            description = "A checkpoint (TRAIN_DIR/ckpt-N.zip, or TF's TRAIN_DIR/conv.ckpt-N) or a training folder (its"
                    + " best, else last, checkpoint).")
    Path checkpoint;

    @Option(
            names = {"--output-file", "--output_file"},
            defaultValue = "model.babble",
            paramLabel = "FILE",
            description = "Model file to write (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(
            names = {"--sample-rate", "--sample_rate"},
            paramLabel = "HZ",
            description = "Checked against the checkpoint.")
    Integer sampleRate;

    @Option(
            names = {"--clip-duration-ms", "--clip_duration_ms"},
            paramLabel = "MS",
            description = "Checked against the checkpoint.")
    Integer clipDurationMs;

    @Option(
            names = {"--window-size-ms", "--window_size_ms"},
            paramLabel = "MS",
            description = "Checked against the checkpoint.")
    Double windowSizeMs;

    @Option(
            names = {"--window-stride-ms", "--window_stride_ms"},
            paramLabel = "MS",
            description = "Checked against the checkpoint.")
    Double windowStrideMs;

    @Option(
            names = {"--feature-bin-count", "--feature_bin_count", "--dct_coefficient_count"},
            paramLabel = "N",
            description = "Checked against the checkpoint.")
    Integer featureBinCount;

    @Option(names = "--preprocess", paramLabel = "mfcc|logmel|average", description = "Checked against the checkpoint.")
    FeatureSettings.Preprocess preprocess;

    @Option(
            names = {"--wanted-words", "--wanted_words"},
            paramLabel = "A,B",
            split = ",",
            description = "Checked against the checkpoint's labels.")
    List<String> wantedWords;

    @Option(
            names = {"--model-architecture", "--model_architecture"},
            paramLabel = "NAME",
            description = "Checked against the checkpoint's training settings.")
    String modelArchitecture;

    @Mixin
    IgnoredFreezeFlags ignored;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TrainedModel source = TrainingCheckpoints.read(checkpoint);
        ModelMetadata metadata = source.metadata();
        List<String> contradictions = contradictions(metadata);
        if (!contradictions.isEmpty()) {
            throw new BabbleException(
                    source.path(),
                    String.join("; ", contradictions),
                    "leave "
                            + (contradictions.size() == 1 ? "that flag" : "those flags")
                            + " out (the checkpoint carries its"
                            + " own settings), or point --start_checkpoint at the run "
                            + (contradictions.size() == 1 ? "it" + " describes" : "they describe"));
        }
        PrintWriter err = spec.commandLine().getErr();
        ignored.note(spec).ifPresent(note -> err.println("babble: " + note));
        FrozenModelWriter.write(output, source.network(), metadata);
        err.println("babble: froze " + source.path() + " (" + metadata.labels().size() + " labels: "
                + String.join(", ", metadata.labels()) + ")");
        spec.commandLine().getOut().println(output);
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    /** Each flag that says something else than the checkpoint, spelled as typed, with what the checkpoint has. */
    List<String> contradictions(ModelMetadata metadata) {
        FeatureSettings f = metadata.featureSettings();
        List<String> found = new ArrayList<>();
        check(found, flag("--sample-rate"), sampleRate, f.sampleRate());
        check(found, flag("--clip-duration-ms"), clipDurationMs, f.clipDurationMs());
        check(found, flag("--window-size-ms"), windowSizeMs, f.windowSizeMs());
        check(found, flag("--window-stride-ms"), windowStrideMs, f.windowStrideMs());
        check(found, flag("--feature-bin-count"), featureBinCount, f.featureBinCount());
        check(found, flag("--preprocess"), preprocess, f.preprocess());
        if (wantedWords != null) {
            List<String> wanted = Labels.wanted(metadata.labels());
            if (!wanted.equals(wantedWords)) {
                found.add(flag("--wanted-words") + "=" + String.join(",", wantedWords) + " but the checkpoint was"
                        + " trained on " + String.join(",", wanted) + " (" + difference(wantedWords, wanted)
                        + ")");
            }
        }
        if (modelArchitecture != null) {
            JsonNode value = metadata.trainSettings().get("architecture");
            if (value != null && !value.asText().equalsIgnoreCase(modelArchitecture)) {
                found.add(flag("--model-architecture") + "=" + modelArchitecture + " but the checkpoint is a "
                        + value.asText().toLowerCase(Locale.ROOT) + " network");
            }
        }
        return found;
    }

    /** What differs between the words given and the words trained, in plain words. */
    private static String difference(List<String> given, List<String> trained) {
        List<String> parts = new ArrayList<>();
        List<String> unknown = given.stream().filter(w -> !trained.contains(w)).toList();
        List<String> missing = trained.stream().filter(w -> !given.contains(w)).toList();
        if (!unknown.isEmpty()) {
            parts.add(String.join(", ", unknown) + (unknown.size() == 1 ? " is" : " are") + " not among its words");
        }
        if (!missing.isEmpty()) {
            parts.add(String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " missing");
        }
        return parts.isEmpty() ? "the same words in another order" : String.join("; ", parts);
    }

    /** The spelling of the option called {@code name} that the user typed. */
    private String flag(String name) {
        OptionSpec option = spec.findOption(name);
        return IgnoredFreezeFlags.typedName(option, spec.commandLine().getParseResult());
    }

    private static void check(List<String> found, String flag, Object given, Object actual) {
        if (given == null) {
            return;
        }
        boolean same =
                given instanceof Double d ? Math.abs(d - ((Number) actual).doubleValue()) < 1e-9 : given.equals(actual);
        if (!same) {
            found.add(String.format(
                    Locale.ROOT,
                    "%s=%s but the checkpoint has %s",
                    flag,
                    given.toString().toLowerCase(Locale.ROOT),
                    actual.toString().toLowerCase(Locale.ROOT)));
        }
    }
}
