package org.babble.core.audio;

/**
 * Cuts and pads clips to exact lengths. TensorFlow's speech_commands loader (and babble's own training) wants every clip
 * to hold exactly the same number of samples, so a short clip is zero-padded at its end, and the caller is told, so it
 * can count or drop it.
 */
public final class ClipShaper {
    private ClipShaper() {}

    /** A clip cut or padded to length, and whether zeros had to be added. */
    public record Fitted(float[] samples, boolean padded) {}

    /** Seconds as a whole number of samples at {@code rate}, rounded to the nearest as sox rounds times. */
    public static int frames(double seconds, int rate) {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("a time must not be negative, got " + seconds + " s");
        }
        return (int) Math.round(seconds * rate);
    }

    /**
     * Samples {@code [start, start + length)}, shorter where {@code samples} ends first (empty when it ends before
     * {@code start}), as sox's {@code trim START LENGTH}.
     */
    public static float[] trim(float[] samples, int start, int length) {
        if (start < 0 || length < 0) {
            throw new IllegalArgumentException("trim needs start >= 0 and length >= 0, got " + start + ", " + length);
        }
        int from = Math.min(start, samples.length);
        int to = (int) Math.min((long) from + length, samples.length);
        return java.util.Arrays.copyOfRange(samples, from, to);
    }

    /** Exactly {@code length} samples: the first {@code length} of {@code samples}, or all of them and zeros after. */
    public static Fitted fit(float[] samples, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative, got " + length);
        }
        return new Fitted(java.util.Arrays.copyOf(samples, length), samples.length < length);
    }
}
