package org.babble.dataset.augment;

import java.util.List;
import java.util.SplittableRandom;

/**
 * {@link Augmenter}'s variations applied to a clip's cached mel-band magnitudes instead of its audio, so a training
 * step costs no FFT: gain scales the bands; the time shift moves whole frames (padding with silence); pauses lower
 * whole frames; background noise adds its own band magnitudes in power (independent signals: powers add); the tone and
 * band limits of {@link ToneChange} multiply each band by the filters' gain at its centre. SpecAugment masks follow on the finished
 * features as before. What it cannot imitate: TF's clamp to ±1 after mixing, and shifts finer than one frame.
 *
 * <p>All randomness comes from the {@link SplittableRandom} passed in. Thread-safe.
 */
public final class BandAugmenter {
    private final AugmentSettings settings;
    private final int sampleRate;
    private final int clipSamples;
    private final int frameStride;
    private final double[] centresHz;
    private final List<float[][]> backgroundBands;

    /**
     * @param clipSamples     a clip's length in samples (random draws depend on it: the audio path's must match)
     * @param frameStride     samples between frames
     * @param centresHz       centre of each band
     * @param backgroundBands band magnitudes {@code [frame][band]} of each background-noise recording
     */
    public BandAugmenter(
            AugmentSettings settings,
            int sampleRate,
            int clipSamples,
            int frameStride,
            double[] centresHz,
            List<float[][]> backgroundBands) {
        this.settings = settings;
        this.sampleRate = sampleRate;
        this.clipSamples = clipSamples;
        this.frameStride = frameStride;
        this.centresHz = centresHz.clone();
        this.backgroundBands = List.copyOf(backgroundBands);
    }

    /** New band magnitudes: {@code clip}'s (ignored for silence, may be null then) varied for one training step. */
    public float[][] augment(float[][] clip, boolean silence, int frames, SplittableRandom random) {
        return augment(clip, silence, frames, null, null, random);
    }

    /**
     * As {@link #augment(float[][], boolean, int, SplittableRandom)}, with {@code background}'s bands (when not null)
     * added in power under the shifted, scaled clip as {@code mix} says, after its pauses and before the tone.
     */
    public float[][] augment(
            float[][] clip, boolean silence, int frames, float[][] background, Mix mix, SplittableRandom random) {
        int bands = centresHz.length;
        float[][] out = new float[frames][bands];
        Variation v = Variation.draw(
                settings,
                sampleRate,
                silence,
                clipSamples,
                backgroundBands.size(),
                i -> backgroundBands.get(i).length - frames,
                random);
        if (!silence) {
            int shift = (int) Math.round(v.shiftSamples() / (double) frameStride);
            // drawn after the variations the audio path shares, and only when on: the other draws stay the same
            int up = settings.frequencyShiftBands() > 0
                    ? random.nextInt(-settings.frequencyShiftBands(), settings.frequencyShiftBands() + 1)
                    : 0;
            for (int f = Math.max(0, shift); f < frames && f - shift < clip.length; f++) {
                float[] from = clip[f - shift];
                for (int b = Math.max(0, up); b < bands && b - up < bands; b++) {
                    out[f][b] = from[b - up] * v.gain();
                }
            }
            double power = background != null ? Mix.power(out) : 0;
            v.pauses().apply(out, frameStride);
            if (background != null) {
                mix.add(out, power, background);
            }
        }
        if (v.noise().isAudible()) {
            mix(
                    out,
                    backgroundBands.get(v.noise().index()),
                    v.noise().offset(),
                    v.noise().volume());
        }
        if (!v.tone().isNone()) {
            for (int b = 0; b < bands; b++) {
                float g = (float) v.tone().gainAt(centresHz[b], sampleRate);
                for (float[] frame : out) {
                    frame[b] *= g;
                }
            }
        }
        return out;
    }

    private static void mix(float[][] out, float[][] noise, int offset, double volume) {
        for (int f = 0; f < out.length && offset + f < noise.length; f++) {
            float[] row = out[f];
            float[] n = noise[offset + f];
            for (int b = 0; b < row.length; b++) {
                double v = volume * n[b];
                row[b] = (float) Math.sqrt((double) row[b] * row[b] + v * v);
            }
        }
    }
}
