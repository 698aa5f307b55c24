package org.babble.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The flags of TF's {@code freeze.py} that do not shape a babble model, and the {@code train.py} flags people paste
 * into their freeze line with them (freeze.py ignores unknown flags; the "Tensorflow for Tears" blog's freeze line
 * carries {@code --data_dir}). Accepted so such lines paste unchanged, and named in one note saying why they change
 * nothing.
 */
public final class IgnoredFreezeFlags {
    /** Why each group changes nothing, keyed by its options' {@code descriptionKey} (no bundle uses those keys). */
    private static final Map<String, String> REASONS = Map.of(
            "ignored.data", "the checkpoint carries the labels and settings it needs",
            "ignored.training", "training flags: the checkpoint is already trained",
            "ignored.stride", "how often to listen is set by classify --hop and monitor, not by the model",
            "ignored.quantize", "babble models stay 32-bit float, small and fast enough for a Raspberry Pi",
            "ignored.format", "babble writes its own model file, which classify and monitor read, whatever the format");

    @Option(
            names = {"--data_dir", "--data-dir", "--data_url", "--data-url"},
            hidden = true,
            paramLabel = "V",
            descriptionKey = "ignored.data")
    List<String> data;

    @Option(
            names = {
                "--how_many_training_steps",
                "--how-many-training-steps",
                "--learning_rate",
                "--learning-rate",
                "--train_dir",
                "--train-dir",
                "--batch_size",
                "--batch-size",
                "--eval_step_interval",
                "--eval-step-interval",
                "--save_step_interval",
                "--save-step-interval",
                "--summaries_dir",
                "--background_volume",
                "--background_frequency",
                "--silence_percentage",
                "--unknown_percentage",
                "--time_shift_ms",
                "--testing_percentage",
                "--validation_percentage",
                "--optimizer",
                "--verbosity",
                "--check_nans"
            },
            hidden = true,
            paramLabel = "V",
            descriptionKey = "ignored.training")
    List<String> training;

    @Option(
            names = {"--clip_stride_ms", "--clip-stride-ms"},
            hidden = true,
            paramLabel = "MS",
            descriptionKey = "ignored.stride")
    List<String> clipStride;

    @Option(
            names = "--quantize",
            hidden = true,
            arity = "0..1",
            fallbackValue = "True",
            paramLabel = "BOOL",
            descriptionKey = "ignored.quantize")
    List<String> quantize;

    @Option(
            names = {"--save_format", "--save-format"},
            hidden = true,
            paramLabel = "FORMAT",
            descriptionKey = "ignored.format")
    List<String> saveFormat;

    /** One line naming each ignored flag given, as typed, with why it changes nothing; empty when none was given. */
    Optional<String> note(CommandSpec spec) {
        ParseResult parsed = spec.commandLine().getParseResult();
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (OptionSpec option : parsed.matchedOptions()) {
            String reason = REASONS.get(option.descriptionKey());
            if (reason != null) {
                byReason.computeIfAbsent(reason, r -> new ArrayList<>()).addAll(typedNames(option, parsed));
            }
        }
        if (byReason.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        byReason.forEach((reason, names) ->
                parts.add(String.join(", ", names.stream().distinct().toList()) + " (" + reason + ")"));
        return Optional.of("ignored " + String.join("; ", parts));
    }

    /** The spelling of {@code option} the user typed ({@code --wanted_words} or {@code --wanted-words}). */
    static String typedName(OptionSpec option, ParseResult parsed) {
        List<String> typed = typedNames(option, parsed);
        return typed.isEmpty() ? option.longestName() : typed.get(0);
    }

    /** Every name of {@code option} on the command line, in the order given. */
    private static List<String> typedNames(OptionSpec option, ParseResult parsed) {
        List<String> typed = new ArrayList<>();
        for (String arg : parsed.originalArgs()) {
            for (String name : option.names()) {
                if (arg.equals(name) || arg.startsWith(name + "=")) {
                    typed.add(name);
                }
            }
        }
        return typed;
    }
}
