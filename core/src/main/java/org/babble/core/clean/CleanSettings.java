package org.babble.core.clean;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.babble.core.audio.ChannelSelection;

/**
 * What {@code babble clean} does to every recording, validated here once so a bad value is named before any file is
 * touched. Times are in seconds, levels in dB; an empty optional means the step is skipped.
 *
 * @param channels      mixdown or channel choice
 * @param segment       cut each recording into consecutive pieces this long
 * @param trim          keep only {@code [start, start + length)} of each piece; the clip then has exactly
 *                      {@code length} seconds of samples
 * @param duration      every clip exactly this long (cut, or zero-padded at the end)
 * @param dropShort     drop a piece shorter than its target length instead of padding (or keeping) it
 * @param gainDb        fixed gain, applied before resampling like sox's {@code vol}
 * @param normalizeDbfs peak level of every written clip, applied last
 * @param rate          output sample rate; the source's rate when empty
 */
public record CleanSettings(
        ChannelSelection channels,
        OptionalDouble segment,
        Optional<Trim> trim,
        OptionalDouble duration,
        boolean dropShort,
        double gainDb,
        OptionalDouble normalizeDbfs,
        OptionalInt rate) {

    /** {@code --trim START,LENGTH}. */
    public record Trim(double start, double length) {}

    public CleanSettings {
        if (channels == null) {
            throw new IllegalArgumentException("channels must be given");
        }
        if (segment.isPresent() && !(segment.getAsDouble() > 0)) {
            throw new IllegalArgumentException("segment must be longer than 0 s, got " + segment.getAsDouble());
        }
        if (trim.isPresent() && (!(trim.get().start() >= 0) || !(trim.get().length() > 0))) {
            throw new IllegalArgumentException("trim needs START >= 0 and LENGTH > 0, got "
                    + trim.get().start() + "," + trim.get().length());
        }
        if (duration.isPresent() && !(duration.getAsDouble() > 0)) {
            throw new IllegalArgumentException("duration must be longer than 0 s, got " + duration.getAsDouble());
        }
        if (trim.isPresent() && duration.isPresent()) {
            throw new IllegalArgumentException("trim and duration both set the clip length: give one of them");
        }
        if (!Double.isFinite(gainDb)) {
            throw new IllegalArgumentException("gain must be a finite number of dB, got " + gainDb);
        }
        if (normalizeDbfs.isPresent() && !(normalizeDbfs.getAsDouble() <= 0)) {
            throw new IllegalArgumentException("normalize must be at most 0 dBFS, got " + normalizeDbfs.getAsDouble());
        }
        if (rate.isPresent() && (rate.getAsInt() < 1000 || rate.getAsInt() > 768_000)) {
            throw new IllegalArgumentException("rate must be between 1000 and 768000 Hz, got " + rate.getAsInt());
        }
    }

    /** Mixdown only: every other step off. */
    public static CleanSettings defaults() {
        return new CleanSettings(
                ChannelSelection.MIX,
                OptionalDouble.empty(),
                Optional.empty(),
                OptionalDouble.empty(),
                false,
                0,
                OptionalDouble.empty(),
                OptionalInt.empty());
    }

    public CleanSettings withChannels(ChannelSelection value) {
        return new CleanSettings(value, segment, trim, duration, dropShort, gainDb, normalizeDbfs, rate);
    }

    public CleanSettings withSegment(double seconds) {
        return new CleanSettings(
                channels, OptionalDouble.of(seconds), trim, duration, dropShort, gainDb, normalizeDbfs, rate);
    }

    public CleanSettings withTrim(double start, double length) {
        return new CleanSettings(
                channels,
                segment,
                Optional.of(new Trim(start, length)),
                duration,
                dropShort,
                gainDb,
                normalizeDbfs,
                rate);
    }

    public CleanSettings withDuration(double seconds) {
        return new CleanSettings(
                channels, segment, trim, OptionalDouble.of(seconds), dropShort, gainDb, normalizeDbfs, rate);
    }

    public CleanSettings withDropShort(boolean value) {
        return new CleanSettings(channels, segment, trim, duration, value, gainDb, normalizeDbfs, rate);
    }

    public CleanSettings withGainDb(double db) {
        return new CleanSettings(channels, segment, trim, duration, dropShort, db, normalizeDbfs, rate);
    }

    public CleanSettings withNormalize(double dbfs) {
        return new CleanSettings(channels, segment, trim, duration, dropShort, gainDb, OptionalDouble.of(dbfs), rate);
    }

    public CleanSettings withRate(int hz) {
        return new CleanSettings(
                channels, segment, trim, duration, dropShort, gainDb, normalizeDbfs, OptionalInt.of(hz));
    }

    /** The exact length every clip gets, in seconds, when trim or duration asks for one. */
    public OptionalDouble clipLength() {
        if (trim.isPresent()) {
            return OptionalDouble.of(trim.get().length());
        }
        return duration;
    }
}
