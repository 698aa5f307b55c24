package org.babble.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --model FILE} (TF's {@code --graph} also accepted) with the cron-friendly default: {@code $BABBLE_MODEL}, else
 * {@code ./model.babble}.
 */
public final class ModelMixin {
    static final String ENVIRONMENT = "BABBLE_MODEL";
    static final String DEFAULT_FILE = "model.babble";

    @Option(
            names = {"--model", "--graph"},
            paramLabel = "FILE",
            description = "Frozen model (default: $BABBLE_MODEL, else ./model.babble).")
    Path model;

    /** The model file to use. */
    public Path resolve() {
        if (model != null) {
            return model;
        }
        String fromEnvironment = System.getenv(ENVIRONMENT);
        return fromEnvironment != null && !fromEnvironment.isBlank() ? Path.of(fromEnvironment) : Path.of(DEFAULT_FILE);
    }
}
