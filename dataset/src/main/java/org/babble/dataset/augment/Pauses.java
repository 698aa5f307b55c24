package org.babble.dataset.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Moments where a training clip's sound drops away, as a crying baby's does between breaths. Recordings made close to
 * the sound (a phone held to the cot) are mostly bursts and gaps, while clips cut from a long nursery recording are
 * often one continuous sound; a model that has only heard the latter calls a gappy cry "noise". Each pause lowers the
 * foreground by 20–50 dB for 0.2–1 s with 5-ms ramps, before background noise is mixed in, so the gap keeps the room's
 * sound. Applied to audio by {@link Augmenter} and to whole frames by {@link BandAugmenter}; both draw it here.
 *
 * @param pauses where and how deep, in samples of the clip as the model hears it (after the time shift)
 */
public record Pauses(List<Pause> pauses) {
    public static final Pauses NONE = new Pauses(List.of());

    private static final double SHORTEST_S = 0.2;
    private static final double LONGEST_S = 1.0;
    private static final double SHALLOWEST_DB = 20;
    private static final double DEEPEST_DB = 50;
    private static final double SECONDS_PER_PAUSE = 1.25;
    private static final double RAMP_S = 0.005;

    /** One gap: {@code length} samples from {@code start}, scaled by {@code gain}. */
    public record Pause(int start, int length, float gain) {}

    public Pauses {
        pauses = List.copyOf(pauses);
    }

    /**
     * With {@code probability}, from one pause up to one per 1.25 s of clip, each placed uniformly; otherwise none.
     * Silence gets none.
     */
    static Pauses draw(double probability, boolean silence, int samples, int sampleRate, SplittableRandom random) {
        if (silence || probability == 0 || random.nextDouble() >= probability) {
            return NONE;
        }
        int most = Math.max(1, (int) (samples / (SECONDS_PER_PAUSE * sampleRate)));
        int count = 1 + random.nextInt(most);
        List<Pause> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = Math.min(samples, (int) (random.nextDouble(SHORTEST_S, LONGEST_S) * sampleRate));
            int start = random.nextInt(samples - length + 1);
            float gain = (float) Math.pow(10, -random.nextDouble(SHALLOWEST_DB, DEEPEST_DB) / 20);
            list.add(new Pause(start, length, gain));
        }
        return new Pauses(list);
    }

    public boolean isNone() {
        return pauses.isEmpty();
    }

    /** Lowers the pauses of {@code samples} in place, ramping in and out so no click is added. */
    void apply(float[] samples, int sampleRate) {
        int ramp = Math.max(1, (int) (RAMP_S * sampleRate));
        for (Pause p : pauses) {
            int end = Math.min(samples.length, p.start() + p.length());
            for (int i = p.start(); i < end; i++) {
                int edge = Math.min(i - p.start(), end - 1 - i);
                double depth = edge >= ramp ? 1 : (edge + 1) / (double) (ramp + 1);
                samples[i] *= (float) (1 - depth * (1 - p.gain()));
            }
        }
    }

    /** Lowers whole frames in place: frame f starts at sample {@code f * frameStride}. */
    void apply(float[][] frames, int frameStride) {
        for (Pause p : pauses) {
            int from = (int) Math.round(p.start() / (double) frameStride);
            int to = Math.min(frames.length, (int) Math.round((p.start() + p.length()) / (double) frameStride));
            for (int f = from; f < to; f++) {
                float[] row = frames[f];
                for (int b = 0; b < row.length; b++) {
                    row[b] *= p.gain();
                }
            }
        }
    }
}
