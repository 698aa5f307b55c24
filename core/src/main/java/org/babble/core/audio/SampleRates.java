package org.babble.core.audio;

/**
 * The sample rates babble accepts from a file, a model or a flag. A header or a model's metadata is untrusted: a rate
 * of 2 Hz or 2 GHz is a lie, and the resampler's filter grows with the ratio it has to bridge. Everything audio
 * actually uses (8 kHz telephony to 768 kHz studio converters) lies inside.
 */
public final class SampleRates {
    public static final int MIN_HZ = 1_000;
    public static final int MAX_HZ = 768_000;
    /** For messages: {@code 1 kHz–768 kHz}. */
    public static final String RANGE = "1 kHz–768 kHz";

    private SampleRates() {}

    public static boolean plausible(long hz) {
        return hz >= MIN_HZ && hz <= MAX_HZ;
    }
}
