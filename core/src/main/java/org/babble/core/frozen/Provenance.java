package org.babble.core.frozen;

import java.time.Instant;
import java.util.List;

/**
 * Where a model came from, so a file found on a Raspberry Pi months later can still say what it was trained on and how
 * well it did.
 *
 * @param dataDir            the training data folder as given
 * @param fileCount          audio files found there
 * @param flags              {@code babble train} flags that make the run again, one {@code --flag=value} per element,
 *                           printed from the run's configuration at freeze (older models: whatever their babble wrote)
 * @param validationAccuracy last validation accuracy (0..1), or null when not measured
 * @param testAccuracy       final test accuracy (0..1), or null when not measured
 * @param date               when the model was trained (ISO-8601 instant)
 * @param babbleVersion      the babble version that trained it
 * @param os                 operating system name and version
 * @param arch               CPU architecture
 */
public record Provenance(
        String dataDir,
        long fileCount,
        List<String> flags,
        Double validationAccuracy,
        Double testAccuracy,
        String date,
        String babbleVersion,
        String os,
        String arch) {

    public Provenance {
        flags = flags == null ? List.of() : List.copyOf(flags);
        if (fileCount < 0) {
            throw new IllegalArgumentException("invalid provenance fileCount: " + fileCount);
        }
        requireAccuracy("validationAccuracy", validationAccuracy);
        requireAccuracy("testAccuracy", testAccuracy);
    }

    /** Provenance stamped now, on this machine. */
    public static Provenance now(
            String dataDir,
            long fileCount,
            List<String> flags,
            Double validationAccuracy,
            Double testAccuracy,
            String babbleVersion) {
        return new Provenance(
                dataDir,
                fileCount,
                flags,
                validationAccuracy,
                testAccuracy,
                Instant.now().toString(),
                babbleVersion,
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"));
    }

    private static void requireAccuracy(String field, Double value) {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("invalid provenance " + field + " (0..1): " + value);
        }
    }
}
