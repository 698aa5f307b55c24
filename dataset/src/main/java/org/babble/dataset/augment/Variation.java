package org.babble.dataset.augment;

import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

/**
 * The random choices that vary one clip for one training step, drawn in one place and one order so that
 * {@link Augmenter} (on audio) and {@link BandAugmenter} (on mel bands) vary clips alike: the foreground's gain
 * and TF's time shift, its {@link Pauses}, a stretch of background noise and its volume, then the {@link ToneChange}.
 *
 * @param gain         foreground scale (1 when gain is off)
 * @param shiftSamples the foreground moves this many samples later (earlier when negative)
 * @param pauses       where the shifted foreground drops away
 * @param noise        the background noise mixed in
 * @param tone         the filters the mix then passes through
 */
record Variation(float gain, int shiftSamples, Pauses pauses, Noise noise, ToneChange tone) {
    /**
     * A stretch of background noise.
     *
     * @param index  which recording, or -1 for none
     * @param offset where in it the stretch starts, in the caller's units (samples or frames)
     * @param volume its volume; 0 mixes nothing
     */
    record Noise(int index, int offset, double volume) {
        static final Noise NONE = new Noise(-1, 0, 0);

        boolean isAudible() {
            return index >= 0 && volume > 0;
        }
    }

    /**
     * @param clipSamples the clip's length in samples
     * @param noiseCount  background recordings available
     * @param offsetBound for recording i, how many start positions a clip-long stretch of it has
     */
    static Variation draw(
            AugmentSettings settings,
            int sampleRate,
            boolean silence,
            int clipSamples,
            int noiseCount,
            IntUnaryOperator offsetBound,
            SplittableRandom random) {
        int timeShiftSamples = (int) (settings.timeShiftMs() * sampleRate / 1000);
        float gain = 1f;
        int shift = 0;
        if (!silence) {
            gain = settings.gainDb() > 0
                    ? (float) Math.pow(10, random.nextDouble(-settings.gainDb(), settings.gainDb()) / 20)
                    : 1f;
            shift = timeShiftSamples > 0 ? random.nextInt(-timeShiftSamples, timeShiftSamples) : 0;
        }
        Pauses pauses = Pauses.draw(settings.pauseProbability(), silence, clipSamples, sampleRate, random);
        Noise noise = drawNoise(settings, silence, noiseCount, offsetBound, random);
        return new Variation(gain, shift, pauses, noise, ToneChange.draw(settings, silence, sampleRate, random));
    }

    /**
     * TF's background noise: silence always gets some, at a volume uniform in [0, 1); a word gets some with the
     * background frequency, at up to the background volume.
     */
    static Noise drawNoise(
            AugmentSettings settings,
            boolean silence,
            int noiseCount,
            IntUnaryOperator offsetBound,
            SplittableRandom random) {
        boolean noBackground = settings.backgroundVolume() == 0 || settings.backgroundFrequency() == 0;
        if (noiseCount == 0 || (!silence && noBackground)) {
            return Noise.NONE;
        }
        int index = random.nextInt(noiseCount);
        int bound = offsetBound.applyAsInt(index);
        int offset = bound > 0 ? random.nextInt(0, bound) : 0;
        double volume = 0;
        if (silence) {
            volume = random.nextDouble();
        } else if (random.nextDouble() < settings.backgroundFrequency()) {
            volume = random.nextDouble() * settings.backgroundVolume();
        }
        return new Noise(index, offset, volume);
    }
}
