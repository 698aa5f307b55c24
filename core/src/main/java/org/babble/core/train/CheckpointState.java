package org.babble.core.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.babble.core.features.FeatureSettings;

/**
 * Everything besides the network and its optimiser state that a resumed run, {@code freeze} or {@code evaluate} needs.
 * The random state is not stored as bytes: every step reseeds from the seed and the step number, so {@code step} is
 * the RNG state.
 *
 * @param step                   the last completed training step
 * @param phase                  learning-rate phase of that step (0-based)
 * @param labels                 output order of the network
 * @param configuration          the run's whole configuration
 * @param bestValidationAccuracy best validation accuracy so far (-1 before the first evaluation)
 * @param bestStep               step that reached it (0 before the first evaluation)
 */
public record CheckpointState(
        int step,
        int phase,
        List<String> labels,
        RunConfiguration configuration,
        double bestValidationAccuracy,
        int bestStep) {
    public CheckpointState {
        labels = List.copyOf(labels);
        if (step < 0) {
            throw new IllegalArgumentException("invalid checkpoint step: " + step);
        }
        if (configuration == null) {
            throw new IllegalArgumentException("invalid checkpoint: no run configuration");
        }
    }

    /**
     * Reads the state as written, and as babble wrote it before the run configuration: training and feature settings
     * side by side, without the augmentation (such a checkpoint still freezes and evaluates; resuming it is refused).
     */
    @JsonCreator
    static CheckpointState read(
            @JsonProperty("step") int step,
            @JsonProperty("phase") int phase,
            @JsonProperty("labels") List<String> labels,
            @JsonProperty("configuration") RunConfiguration configuration,
            @JsonProperty("featureSettings") FeatureSettings featureSettings,
            @JsonProperty("trainSettings") TrainSettings trainSettings,
            @JsonProperty("bestValidationAccuracy") double bestValidationAccuracy,
            @JsonProperty("bestStep") int bestStep) {
        RunConfiguration run = configuration != null
                ? configuration
                : trainSettings != null && featureSettings != null
                        ? new RunConfiguration(trainSettings, featureSettings, null)
                        : null;
        return new CheckpointState(step, phase, labels, run, bestValidationAccuracy, bestStep);
    }

    public TrainSettings trainSettings() {
        return configuration.training();
    }

    public FeatureSettings featureSettings() {
        return configuration.features();
    }
}
