package org.babble.dataset.label;

import java.nio.file.Path;

/**
 * Model-assisted sorting: where the label folders go, how sure the model must be to place a clip without a person, and
 * whether clips are moved (after a verified copy) rather than copied.
 */
public record ModelSortSettings(Path out, double minScore, boolean move) {
    public ModelSortSettings {
        if (out == null) {
            throw new IllegalArgumentException("out is required");
        }
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new IllegalArgumentException(
                    "min-score: must be between 0 and 1 (scores are probabilities), got " + minScore);
        }
    }
}
