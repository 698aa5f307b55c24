package org.babble.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.babble.core.BabbleException;
import org.babble.core.features.FeatureSettings;
import org.babble.core.model.frozen.Checkpoint;
import org.babble.core.model.frozen.CheckpointReader;
import org.babble.core.model.frozen.FrozenModelWriter;
import org.babble.core.model.frozen.ModelMetadata;
import org.babble.dataset.index.Labels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code babble freeze}: turns a training checkpoint into one self-contained {@code model.babble} for inference. TF's
 * feature flags are accepted so freeze.py command lines paste unchanged, but the checkpoint's settings are the truth: a
 * flag that contradicts them is an error rather than a silently different model.
 */
@Command(name = "freeze", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Freeze a training checkpoint into one model file (weights, labels, features, provenance).")
public final class FreezeCommand implements Callable<Integer> {
    @Option(names = {"--start-checkpoint", "--start_checkpoint"}, required = true, paramLabel = "CKPT",
            description = "A checkpoint (TRAIN_DIR/ckpt-N) or a training folder (its best, else last, checkpoint).")
    Path checkpoint;

    @Option(names = {"--output-file", "--output_file"}, defaultValue = "model.babble", paramLabel = "FILE",
            description = "Model file to write (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = {"--sample-rate", "--sample_rate"}, paramLabel = "HZ", description = "Checked against the checkpoint.")
    Integer sampleRate;

    @Option(names = {"--clip-duration-ms", "--clip_duration_ms"}, paramLabel = "MS",
            description = "Checked against the checkpoint.")
    Integer clipDurationMs;

    @Option(names = {"--window-size-ms", "--window_size_ms"}, paramLabel = "MS",
            description = "Checked against the checkpoint.")
    Double windowSizeMs;

    @Option(names = {"--window-stride-ms", "--window_stride_ms"}, paramLabel = "MS",
            description = "Checked against the checkpoint.")
    Double windowStrideMs;

    @Option(names = {"--feature-bin-count", "--feature_bin_count", "--dct_coefficient_count"}, paramLabel = "N",
            description = "Checked against the checkpoint.")
    Integer featureBinCount;

    @Option(names = "--preprocess", paramLabel = "mfcc|logmel|average", description = "Checked against the checkpoint.")
    FeatureSettings.Preprocess preprocess;

    @Option(names = {"--wanted-words", "--wanted_words"}, paramLabel = "A,B", split = ",",
            description = "Checked against the checkpoint's labels.")
    List<String> wantedWords;

    @Option(names = {"--model-architecture", "--model_architecture"}, paramLabel = "NAME",
            description = "Checked against the checkpoint's training settings.")
    String modelArchitecture;

    @Option(names = {"--quantize", "--data_url", "--data-url"}, hidden = true, description = "Accepted and ignored.")
    String ignored;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Checkpoint source = CheckpointReader.installed().read(checkpoint);
        ModelMetadata metadata = source.metadata();
        List<String> contradictions = contradictions(metadata);
        if (!contradictions.isEmpty()) {
            throw new BabbleException(source.path(), "flags contradict the checkpoint: " + String.join("; ",
                    contradictions), "leave those flags out: the checkpoint's own settings are used");
        }
        FrozenModelWriter.write(output, source.network(), metadata);
        spec.commandLine().getErr().println("babble: froze " + source.path() + " (" + metadata.labels().size()
                + " labels: " + String.join(", ", metadata.labels()) + ")");
        spec.commandLine().getOut().println(output);
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    List<String> contradictions(ModelMetadata metadata) {
        FeatureSettings f = metadata.featureSettings();
        List<String> found = new ArrayList<>();
        check(found, "--sample-rate", sampleRate, f.sampleRate());
        check(found, "--clip-duration-ms", clipDurationMs, f.clipDurationMs());
        check(found, "--window-size-ms", windowSizeMs, f.windowSizeMs());
        check(found, "--window-stride-ms", windowStrideMs, f.windowStrideMs());
        check(found, "--feature-bin-count", featureBinCount, f.featureBinCount());
        check(found, "--preprocess", preprocess, f.preprocess());
        if (wantedWords != null) {
            List<String> wanted = Labels.wanted(metadata.labels());
            if (!wanted.equals(wantedWords)) {
                found.add("--wanted-words " + String.join(",", wantedWords) + " but the checkpoint has "
                        + String.join(",", wanted));
            }
        }
        if (modelArchitecture != null) {
            JsonNode train = metadata.trainSettings();
            JsonNode value = train.get("architecture");
            if (value != null && !value.asText().equalsIgnoreCase(modelArchitecture)) {
                found.add("--model-architecture " + modelArchitecture + " but the checkpoint has " + value.asText());
            }
        }
        return found;
    }

    private static void check(List<String> found, String flag, Object given, Object actual) {
        if (given == null) {
            return;
        }
        boolean same = given instanceof Double d ? Math.abs(d - ((Number) actual).doubleValue()) < 1e-9
                : given.equals(actual);
        if (!same) {
            found.add(String.format(Locale.ROOT, "%s %s but the checkpoint has %s", flag,
                    given.toString().toLowerCase(Locale.ROOT), actual.toString().toLowerCase(Locale.ROOT)));
        }
    }
}
