package org.babble.core.frozen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.HashSet;
import java.util.List;
import org.babble.core.features.FeatureLayout;
import org.babble.core.features.FeatureSettings;
import org.babble.core.recognition.OperatingPoint;

/**
 * Everything a frozen model carries besides its weights: what its outputs mean, which features it expects and how they
 * are laid out, how it was trained and where it came from.
 *
 * @param labels          output order of the network ({@code _silence_, _unknown_, wanted...} as TF writes them)
 * @param featureSettings the features it was trained on; inference recomputes exactly these
 * @param featureLayout   how a batch of features is shaped for the network
 * @param trainSettings   the training settings as the trainer wrote them (opaque here; shown by {@code babble info})
 * @param provenance      data, flags, accuracy, date, versions
 * @param operatingPoint  the smoothing {@code babble calibrate} chose for it on real recordings, or null when not
 *                        calibrated (classify and monitor then use defaults for the clip length)
 * @param configuration   the training run's whole configuration as its checkpoint held it (opaque here; the training
 *                        settings above are its {@code training} part), or null in models frozen before babble
 *                        saved it
 */
public record ModelMetadata(
        List<String> labels,
        FeatureSettings featureSettings,
        FeatureLayout featureLayout,
        JsonNode trainSettings,
        Provenance provenance,
        OperatingPoint operatingPoint,
        JsonNode configuration) {

    public ModelMetadata {
        require(labels != null && !labels.isEmpty(), "labels (at least one)");
        labels = List.copyOf(labels);
        require(new HashSet<>(labels).size() == labels.size(), "labels (duplicates in " + labels + ")");
        require(labels.stream().noneMatch(String::isBlank), "labels (blank label in " + labels + ")");
        require(featureSettings != null, "featureSettings");
        require(featureLayout != null, "featureLayout");
        require(provenance != null, "provenance");
        trainSettings = trainSettings == null ? JsonNodeFactory.instance.objectNode() : trainSettings.deepCopy();
        configuration = configuration == null || configuration.isNull() ? null : configuration.deepCopy();
    }

    /** An uncalibrated model's metadata. */
    public ModelMetadata(
            List<String> labels,
            FeatureSettings featureSettings,
            FeatureLayout featureLayout,
            JsonNode trainSettings,
            Provenance provenance) {
        this(labels, featureSettings, featureLayout, trainSettings, provenance, null, null);
    }

    /** An uncalibrated model's metadata, with its run's configuration. */
    public ModelMetadata(
            List<String> labels,
            FeatureSettings featureSettings,
            FeatureLayout featureLayout,
            JsonNode trainSettings,
            Provenance provenance,
            JsonNode configuration) {
        this(labels, featureSettings, featureLayout, trainSettings, provenance, null, configuration);
    }

    /** The same metadata calibrated to {@code point}. */
    public ModelMetadata withOperatingPoint(OperatingPoint point) {
        return new ModelMetadata(
                labels, featureSettings, featureLayout, trainSettings, provenance, point, configuration);
    }

    /** A copy, so callers cannot change the record's tree. */
    @Override
    public JsonNode trainSettings() {
        return trainSettings.deepCopy();
    }

    /** A copy, so callers cannot change the record's tree; null in models frozen before babble saved it. */
    @Override
    public JsonNode configuration() {
        return configuration == null ? null : configuration.deepCopy();
    }

    private static void require(boolean ok, String field) {
        if (!ok) {
            throw new IllegalArgumentException("invalid model metadata: " + field);
        }
    }
}
