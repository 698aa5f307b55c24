package org.babble.dataset.load;

import java.nio.file.Path;
import org.babble.core.BabbleException;

/**
 * What a data set does with a clip whose sample rate differs from the model's: let {@link ClipLoader} resample it as
 * every other command does, or refuse it (a test, or a user who wants to know).
 */
public enum RatePolicy {
    /** Converts with core's resampler (a sox-quality polyphase sinc), through the shared clip preparation. */
    RESAMPLE,
    /** Refuses every clip at another rate with a message saying how to convert it. */
    REFUSE;

    /** Throws {@link BabbleException} for {@code file} at {@code fromRate} when this policy refuses other rates. */
    void check(Path file, int fromRate, int toRate) {
        if (this == REFUSE && fromRate != toRate) {
            throw new BabbleException(
                    file,
                    "sample rate " + fromRate + " Hz, but the model uses " + toRate + " Hz",
                    "convert it first (sox IN -r " + toRate + " OUT.wav) or choose --sample-rate " + fromRate);
        }
    }
}
