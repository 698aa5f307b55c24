package org.babble.core.audio;

import java.util.Arrays;

/**
 * {@link Resampler}'s conversion over audio that arrives in blocks (a night from a microphone): each output sample is
 * computed once, as soon as the input it reads has arrived, by the same loop as the one-shot conversion, so the
 * concatenated output of {@link #push} and {@link #finish} equals {@code Resampler.resample} of the whole stream bit for
 * bit. The monitor resamples its stream once this way instead of resampling every overlapping window again.
 *
 * <p>Memory stays at about one filter length of input whatever the stream's length. Not thread-safe.
 */
public final class StreamingResampler {
    private final int fromRate;
    private final int toRate;
    private final Resampler resampler;
    /** Input samples {@code [origin, origin + filled)}; zeros stand for the audio before the stream started. */
    private float[] input;

    private long origin;
    private int filled;
    private long received;
    private long produced;
    private boolean finished;

    public StreamingResampler(int fromRate, int toRate) {
        this(fromRate, toRate, Double.POSITIVE_INFINITY);
    }

    /** For a reader of {@code [0, bandHz]} only, as {@link Resampler#resample(float[], int, int, double)} converts. */
    public StreamingResampler(int fromRate, int toRate, double bandHz) {
        if (fromRate <= 0 || toRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive, got " + fromRate + " -> " + toRate);
        }
        this.fromRate = fromRate;
        this.toRate = toRate;
        this.resampler = fromRate == toRate ? null : Resampler.of(fromRate, toRate, bandHz);
        long lead = resampler == null ? 0 : -resampler.firstInputOf(0);
        this.input = new float[(int) Math.max(1024, 2 * lead)];
        this.origin = -lead;
        this.filled = (int) lead;
    }

    /** Appends {@code samples[0 .. count)} and returns the output samples that can now be computed (maybe none). */
    public float[] push(float[] samples, int count) {
        if (finished) {
            throw new IllegalStateException("the stream has finished");
        }
        if (resampler == null) {
            received += count;
            produced += count;
            return Arrays.copyOf(samples, count);
        }
        append(samples, count);
        received += count;
        return convertUpTo(resampler.outputsComputableFrom(received));
    }

    /** Ends the stream: the remaining output, as if zeros followed the last sample (as the one-shot conversion pads). */
    public float[] finish() {
        if (finished) {
            throw new IllegalStateException("the stream has finished");
        }
        finished = true;
        if (resampler == null) {
            return new float[0];
        }
        long total = Resampler.outputLength(received, fromRate, toRate);
        long needed = resampler.inputNeededFor(total);
        long missing = needed - (origin + filled);
        if (missing > 0) {
            append(new float[(int) missing], (int) missing);
        }
        return convertUpTo(total);
    }

    /** Output samples returned so far. */
    public long produced() {
        return produced;
    }

    private float[] convertUpTo(long end) {
        int count = (int) Math.max(0, end - produced);
        float[] out = new float[count];
        resampler.convertInBlocks(input, origin, out, produced, produced + count);
        produced += count;
        discardBefore(resampler.firstInputOf(produced));
        return out;
    }

    private void append(float[] samples, int count) {
        if (filled + count > input.length) {
            input = Arrays.copyOf(input, Math.max(2 * input.length, filled + count));
        }
        System.arraycopy(samples, 0, input, filled, count);
        filled += count;
    }

    /** Drops input no later output reads, once it is at least half the buffer (so compaction costs O(1) a sample). */
    private void discardBefore(long first) {
        int dead = (int) Math.min(filled, Math.max(0, first - origin));
        if (dead > 0 && dead >= filled / 2) {
            System.arraycopy(input, dead, input, 0, filled - dead);
            filled -= dead;
            origin += dead;
        }
    }
}
