package org.babble.dataset.augment;

import java.util.List;

/**
 * Mixing training clips with other training clips as their background: a model trained on clean clips has never heard
 * its sound over the room it will listen in, and the clips of a label such as {@code room_empty} or {@code noise} are
 * that room. A share {@code probability} of the training clips (not silence) gets, under its varied sound, a clip of
 * one of the {@code labels} other than its own, at a signal-to-noise ratio uniform in [{@code minSnrDb},
 * {@code maxSnrDb}].
 *
 * @param probability share of training clips mixed; 0 is off
 * @param minSnrDb    lowest ratio of the clip's power to the background's, in decibels
 * @param maxSnrDb    highest ratio
 * @param labels      labels whose training clips serve as backgrounds
 */
public record MixSettings(double probability, double minSnrDb, double maxSnrDb, List<String> labels) {
    public static final MixSettings NONE = new MixSettings(0, 0, 20, List.of());

    public MixSettings {
        labels = List.copyOf(labels);
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("invalid mixing probability (0 to 1): " + probability);
        }
        if (!(minSnrDb >= -30 && maxSnrDb <= 60 && minSnrDb <= maxSnrDb)) {
            throw new IllegalArgumentException(
                    "invalid mixing SNR range (-30 to 60 dB, lowest first): " + minSnrDb + "," + maxSnrDb);
        }
        if (probability > 0 && labels.isEmpty()) {
            throw new IllegalArgumentException("invalid mixing: no background labels");
        }
    }

    public boolean isOff() {
        return probability == 0;
    }
}
