package org.babble.dataset.augment;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One training step's variation of a clip, as TF speech_commands' {@code get_data} makes it: scale the foreground (0
 * for silence), shift it in time padding with zeros, add a random stretch of background noise at a random volume, clamp
 * to ±1; then the extras (gain and {@link Pauses} before mixing; the bass/treble shelves, high-pass and low-pass of a
 * {@link ToneChange} after), and SpecAugment masks on the features.
 *
 * <p>All randomness comes from the {@link SplittableRandom} passed in, so a caller that derives it from (seed, step,
 * position) gets the same batch on any thread. Thread-safe.
 */
public final class Augmenter {
    private final AugmentSettings settings;
    private final int sampleRate;
    private final List<float[]> backgroundNoise;

    public Augmenter(AugmentSettings settings, int sampleRate, List<float[]> backgroundNoise) {
        this.settings = settings;
        this.sampleRate = sampleRate;
        this.backgroundNoise = List.copyOf(backgroundNoise);
    }

    public AugmentSettings settings() {
        return settings;
    }

    /** A new array: {@code clip} (ignored for silence) varied for one training step. */
    public float[] augment(float[] clip, boolean silence, SplittableRandom random) {
        return augment(clip, silence, null, null, random);
    }

    /**
     * As {@link #augment(float[], boolean, SplittableRandom)}, with {@code background} (when not null) added under the
     * shifted, scaled clip as {@code mix} says, after its pauses so the gaps keep the background, and before the tone,
     * which the whole mix passes through.
     */
    public float[] augment(float[] clip, boolean silence, float[] background, Mix mix, SplittableRandom random) {
        int n = clip.length;
        float[] out = new float[n];
        Variation v = Variation.draw(
                settings,
                sampleRate,
                silence,
                n,
                backgroundNoise.size(),
                i -> backgroundNoise.get(i).length - n,
                random);
        if (!silence) {
            // TF pads `shift` zeros in front (shift > 0) or takes the clip from -shift on (shift < 0).
            int from = Math.max(0, -v.shiftSamples());
            int to = Math.max(0, v.shiftSamples());
            for (int i = 0; to + i < n && from + i < n; i++) {
                out[to + i] = clip[from + i] * v.gain();
            }
            double power = background != null ? Mix.power(out) : 0;
            v.pauses().apply(out, sampleRate);
            if (background != null) {
                mix.add(out, power, background);
            }
        }
        mix(out, v.noise());
        clamp(out);
        v.tone().filter(out);
        return out;
    }

    /**
     * A silence example for validation or testing: background noise at a random volume (TF does the same in every
     * mode), or zeros without noise. Callers pass a random fixed per example so evaluation sets stay constant.
     */
    public float[] evaluationSilence(int samples, SplittableRandom random) {
        float[] out = new float[samples];
        mix(
                out,
                Variation.drawNoise(
                        settings, true, backgroundNoise.size(), i -> backgroundNoise.get(i).length - samples, random));
        clamp(out);
        return out;
    }

    /** SpecAugment: zeroes random bands of frames and of bins, in place. */
    public void maskFeatures(float[][] features, SplittableRandom random) {
        int frames = features.length;
        int bins = frames == 0 ? 0 : features[0].length;
        for (int m = 0; m < settings.timeMasks() && frames > 0; m++) {
            int width = random.nextInt(Math.min(settings.timeMaskMaxFrames(), frames) + 1);
            int start = random.nextInt(frames - width + 1);
            for (int f = start; f < start + width; f++) {
                java.util.Arrays.fill(features[f], 0f);
            }
        }
        for (int m = 0; m < settings.frequencyMasks() && bins > 0; m++) {
            int width = random.nextInt(Math.min(settings.frequencyMaskMaxBins(), bins) + 1);
            int start = random.nextInt(bins - width + 1);
            for (float[] frame : features) {
                java.util.Arrays.fill(frame, start, start + width, 0f);
            }
        }
    }

    private void mix(float[] out, Variation.Noise noise) {
        if (noise.isAudible()) {
            mix(out, backgroundNoise.get(noise.index()), noise.offset(), (float) noise.volume());
        }
    }

    private static void mix(float[] out, float[] noise, int offset, float volume) {
        for (int i = 0; i < out.length; i++) {
            out[i] += noise[offset + i] * volume;
        }
    }

    /** Limits to ±1 as TF's {@code clip_by_value} does after mixing. */
    private static void clamp(float[] out) {
        for (int i = 0; i < out.length; i++) {
            float v = out[i];
            out[i] = v > 1f ? 1f : v < -1f ? -1f : v;
        }
    }
}
