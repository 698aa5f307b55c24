package org.babble.dataset.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The filters one training clip passes through, drawn at random from {@link AugmentSettings}: bass and treble shelves
 * (another microphone's tone), a high-pass (no bass), a low-pass (a phone's narrow band). Applied to audio by
 * {@link Augmenter}, and as a gain per mel band by {@link BandAugmenter}; both draw it here, so the two agree.
 */
public record ToneChange(List<Biquad> sections) {
    public ToneChange {
        sections = List.copyOf(sections);
    }

    /** Draws the filters for one clip; silence gets no tone, only band limits. */
    public static ToneChange draw(AugmentSettings settings, boolean silence, int sampleRate, SplittableRandom random) {
        List<Biquad> sections = new ArrayList<>();
        if (!silence && settings.equalizerDb() > 0) {
            double db = settings.equalizerDb();
            sections.add(Biquad.lowShelf(random.nextDouble(150, 600), random.nextDouble(-db, db), sampleRate));
            sections.add(Biquad.highShelf(
                    Math.min(random.nextDouble(1500, 5000), 0.4 * sampleRate), random.nextDouble(-db, db), sampleRate));
        }
        double cutoff = cutoff(
                settings.highPassProbability(), settings.highPassMinHz(), settings.highPassMaxHz(), sampleRate, random);
        if (cutoff > 0) {
            sections.addAll(Biquad.butterworthHighPass(cutoff, sampleRate));
        }
        cutoff = cutoff(
                settings.lowPassProbability(), settings.lowPassMinHz(), settings.lowPassMaxHz(), sampleRate, random);
        if (cutoff > 0) {
            sections.addAll(Biquad.butterworthLowPass(cutoff, sampleRate));
        }
        return new ToneChange(sections);
    }

    /** With {@code probability}, a cutoff uniform in [minHz, maxHz] kept below 0.45 of the rate; otherwise 0. */
    private static double cutoff(
            double probability, double minHz, double maxHz, int sampleRate, SplittableRandom random) {
        if (probability > 0 && random.nextDouble() < probability) {
            double max = Math.min(maxHz, 0.45 * sampleRate);
            if (minHz <= max) {
                return minHz < max ? random.nextDouble(minHz, max) : minHz;
            }
        }
        return 0;
    }

    public boolean isNone() {
        return sections.isEmpty();
    }

    /** Filters {@code samples} in place. */
    public void filter(float[] samples) {
        for (Biquad section : sections) {
            section.filter(samples);
        }
    }

    /** Magnitude of the whole chain's response at {@code hz}. */
    public double gainAt(double hz, int sampleRate) {
        double gain = 1;
        for (Biquad section : sections) {
            gain *= section.gainAt(hz, sampleRate);
        }
        return gain;
    }
}
