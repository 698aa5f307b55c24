package org.babble.dataset.augment;

import java.util.function.Consumer;
import org.babble.core.features.FeatureSettings;
import org.babble.core.train.RunConfiguration;
import org.babble.core.train.TrainSettings;

/**
 * How training clips are varied each step. The first three are TF speech_commands' flags with its defaults; the rest are
 * opt-in extras, off by default.
 *
 * @param backgroundVolume     largest background-noise volume mixed into a word clip (TF {@code background_volume})
 * @param backgroundFrequency  share of word clips that get background noise (TF {@code background_frequency})
 * @param timeShiftMs          clips move by up to this much either way, padded with zeros (TF {@code time_shift_ms})
 * @param gainDb               word clips are scaled by a gain uniform in ±{@code gainDb} decibels; 0 is off
 * @param lowPassProbability   share of clips low-passed, imitating band-limited (phone, 8 kHz) recordings; 0 is off
 * @param lowPassMinHz         lowest cutoff drawn
 * @param lowPassMaxHz         highest cutoff drawn (kept below Nyquist)
 * @param highPassProbability  share of clips high-passed, imitating small microphones without bass; 0 is off
 * @param highPassMinHz        lowest high-pass cutoff drawn
 * @param highPassMaxHz        highest high-pass cutoff drawn
 * @param equalizerDb          every word clip gets a bass and a treble shelf, each with a gain uniform in
 *                             ±{@code equalizerDb} decibels at a random corner: another microphone's tone; 0 is off
 * @param pauseProbability     share of word clips whose sound stops for a moment or a few ({@link Pauses}); 0 is off
 * @param timeMasks            SpecAugment time masks per clip; 0 is off
 * @param timeMaskMaxFrames    widest time mask, in frames
 * @param frequencyMasks       SpecAugment frequency masks per clip; 0 is off
 * @param frequencyMaskMaxBins widest frequency mask, in feature bins
 * @param domain               where the variations are applied: to cached mel bands (fast) or to the audio (TF's way)
 * @param mix                  other training clips mixed under a share of clips as their background; off by default
 * @param frequencyShiftBands  word clips' mel bands move up or down by up to this many bands, so a higher or lower
 *                             voice or a faster engine looks like one heard in training; mel bands only; 0 is off
 */
public record AugmentSettings(
        double backgroundVolume,
        double backgroundFrequency,
        double timeShiftMs,
        double gainDb,
        double lowPassProbability,
        double lowPassMinHz,
        double lowPassMaxHz,
        double highPassProbability,
        double highPassMinHz,
        double highPassMaxHz,
        double equalizerDb,
        double pauseProbability,
        int timeMasks,
        int timeMaskMaxFrames,
        int frequencyMasks,
        int frequencyMaskMaxBins,
        AugmentDomain domain,
        MixSettings mix,
        int frequencyShiftBands) {

    public AugmentSettings {
        require(backgroundVolume >= 0 && backgroundVolume <= 1, "backgroundVolume", backgroundVolume);
        require(backgroundFrequency >= 0 && backgroundFrequency <= 1, "backgroundFrequency", backgroundFrequency);
        require(timeShiftMs >= 0, "timeShiftMs", timeShiftMs);
        require(gainDb >= 0 && gainDb <= 40, "gainDb", gainDb);
        require(lowPassProbability >= 0 && lowPassProbability <= 1, "lowPassProbability", lowPassProbability);
        require(lowPassMinHz > 0, "lowPassMinHz", lowPassMinHz);
        require(lowPassMaxHz >= lowPassMinHz, "lowPassMaxHz", lowPassMaxHz);
        require(highPassProbability >= 0 && highPassProbability <= 1, "highPassProbability", highPassProbability);
        require(highPassMinHz > 0, "highPassMinHz", highPassMinHz);
        require(highPassMaxHz >= highPassMinHz, "highPassMaxHz", highPassMaxHz);
        require(equalizerDb >= 0 && equalizerDb <= 24, "equalizerDb", equalizerDb);
        require(pauseProbability >= 0 && pauseProbability <= 1, "pauseProbability", pauseProbability);
        require(timeMasks >= 0, "timeMasks", timeMasks);
        require(timeMaskMaxFrames >= 0, "timeMaskMaxFrames", timeMaskMaxFrames);
        require(frequencyMasks >= 0, "frequencyMasks", frequencyMasks);
        require(frequencyMaskMaxBins >= 0, "frequencyMaskMaxBins", frequencyMaskMaxBins);
        require(domain != null, "domain", domain);
        require(mix != null, "mix", mix);
        require(frequencyShiftBands >= 0, "frequencyShiftBands", frequencyShiftBands);
        require(
                frequencyShiftBands == 0 || domain == AugmentDomain.BANDS,
                "frequencyShiftBands (mel bands only: " + "augment on bands)",
                frequencyShiftBands);
    }

    /** TF speech_commands defaults: volume 0.1, frequency 0.8, shift 100 ms, applied to the audio; no extras. */
    public static AugmentSettings tfDefaults() {
        return new AugmentSettings(
                0.1,
                0.8,
                100,
                0,
                0,
                3000,
                8000,
                0,
                50,
                400,
                0,
                0,
                0,
                0,
                0,
                0,
                AugmentDomain.AUDIO,
                MixSettings.NONE,
                0);
    }

    /** No augmentation at all: training clips are seen as they are (silence still gets TF's background noise). */
    public static AugmentSettings none() {
        return new AugmentSettings(
                0, 0, 0, 0, 0, 3000, 8000, 0, 50, 400, 0, 0, 0, 0, 0, 0, AugmentDomain.AUDIO, MixSettings.NONE, 0);
    }

    /**
     * What a run's configuration asks for: TF's background and time shift from its training settings, babble's
     * extras from its augmentation, with filter cutoffs kept below the Nyquist frequency and SpecAugment masks of up to
     * 10% of the frames and 15% of the bins.
     */
    public static AugmentSettings forRun(RunConfiguration run) {
        TrainSettings t = run.training();
        FeatureSettings f = run.features();
        RunConfiguration.Augmentation a = run.augmentation();
        RunConfiguration.Mix mix = a.mix();
        double nyquist = f.sampleRate() / 2.0;
        return tfDefaults()
                .withBackground(t.backgroundVolume(), t.backgroundFrequency())
                .withTimeShiftMs(t.timeShiftMs())
                .withGainDb(a.gainDb())
                .withLowPass(a.lowPassProbability(), Math.min(1000, nyquist * 0.5), Math.min(8000, nyquist * 0.95))
                .withHighPass(a.highPassProbability(), 50, Math.min(400, nyquist * 0.5))
                .withEqualizerDb(a.equalizerDb())
                .withPauses(a.pauseProbability())
                .withDomain(AugmentDomain.valueOf(a.augmentOn().name()))
                .withMix(new MixSettings(mix.probability(), mix.minSnrDb(), mix.maxSnrDb(), mix.labels()))
                .withFrequencyShiftBands(a.frequencyShiftBands())
                .withSpecAugment(
                        a.timeMasks(),
                        Math.max(1, f.frameCount() / 10),
                        a.frequencyMasks(),
                        Math.max(1, f.binsPerFrame() * 15 / 100));
    }

    public AugmentSettings withBackground(double volume, double frequency) {
        return with(d -> {
            d.backgroundVolume = volume;
            d.backgroundFrequency = frequency;
        });
    }

    public AugmentSettings withTimeShiftMs(double value) {
        return with(d -> d.timeShiftMs = value);
    }

    public AugmentSettings withGainDb(double value) {
        return with(d -> d.gainDb = value);
    }

    /** Low-pass a share {@code probability} of clips at a cutoff uniform in [minHz, maxHz]. */
    public AugmentSettings withLowPass(double probability, double minHz, double maxHz) {
        return with(d -> {
            d.lowPassProbability = probability;
            d.lowPassMinHz = minHz;
            d.lowPassMaxHz = maxHz;
        });
    }

    /** High-pass a share {@code probability} of clips at a cutoff uniform in [minHz, maxHz]. */
    public AugmentSettings withHighPass(double probability, double minHz, double maxHz) {
        return with(d -> {
            d.highPassProbability = probability;
            d.highPassMinHz = minHz;
            d.highPassMaxHz = maxHz;
        });
    }

    /** Bass and treble shelves with gains uniform in ±{@code db} on every word clip. */
    public AugmentSettings withEqualizerDb(double db) {
        return with(d -> d.equalizerDb = db);
    }

    /** Pauses in a share {@code probability} of word clips. */
    public AugmentSettings withPauses(double probability) {
        return with(d -> d.pauseProbability = probability);
    }

    public AugmentSettings withSpecAugment(int timeMaskCount, int maxFrames, int frequencyMaskCount, int maxBins) {
        return with(d -> {
            d.timeMasks = timeMaskCount;
            d.timeMaskMaxFrames = maxFrames;
            d.frequencyMasks = frequencyMaskCount;
            d.frequencyMaskMaxBins = maxBins;
        });
    }

    public AugmentSettings withDomain(AugmentDomain value) {
        return with(d -> d.domain = value);
    }

    public AugmentSettings withMix(MixSettings value) {
        return with(d -> d.mix = value);
    }

    /** Word clips' mel bands shifted by a whole number of bands uniform in ±{@code bands}. */
    public AugmentSettings withFrequencyShiftBands(int bands) {
        return with(d -> d.frequencyShiftBands = bands);
    }

    /** True when training clips of words pass unchanged (their cached features can be used). */
    public boolean leavesWordsUnchanged() {
        return (backgroundVolume == 0 || backgroundFrequency == 0)
                && timeShiftMs == 0
                && gainDb == 0
                && lowPassProbability == 0
                && highPassProbability == 0
                && equalizerDb == 0
                && pauseProbability == 0
                && timeMasks == 0
                && frequencyMasks == 0
                && mix.isOff()
                && frequencyShiftBands == 0;
    }

    /** A copy with {@code change} applied to a draft of these settings (validated again). */
    private AugmentSettings with(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.settings();
    }

    /** These settings' fields, open for a wither to change before {@link #settings()} checks them again. */
    private static final class Draft {
        double backgroundVolume;
        double backgroundFrequency;
        double timeShiftMs;
        double gainDb;
        double lowPassProbability;
        double lowPassMinHz;
        double lowPassMaxHz;
        double highPassProbability;
        double highPassMinHz;
        double highPassMaxHz;
        double equalizerDb;
        double pauseProbability;
        int timeMasks;
        int timeMaskMaxFrames;
        int frequencyMasks;
        int frequencyMaskMaxBins;
        AugmentDomain domain;
        MixSettings mix;
        int frequencyShiftBands;

        Draft(AugmentSettings s) {
            backgroundVolume = s.backgroundVolume;
            backgroundFrequency = s.backgroundFrequency;
            timeShiftMs = s.timeShiftMs;
            gainDb = s.gainDb;
            lowPassProbability = s.lowPassProbability;
            lowPassMinHz = s.lowPassMinHz;
            lowPassMaxHz = s.lowPassMaxHz;
            highPassProbability = s.highPassProbability;
            highPassMinHz = s.highPassMinHz;
            highPassMaxHz = s.highPassMaxHz;
            equalizerDb = s.equalizerDb;
            pauseProbability = s.pauseProbability;
            timeMasks = s.timeMasks;
            timeMaskMaxFrames = s.timeMaskMaxFrames;
            frequencyMasks = s.frequencyMasks;
            frequencyMaskMaxBins = s.frequencyMaskMaxBins;
            domain = s.domain;
            mix = s.mix;
            frequencyShiftBands = s.frequencyShiftBands;
        }

        AugmentSettings settings() {
            return new AugmentSettings(
                    backgroundVolume,
                    backgroundFrequency,
                    timeShiftMs,
                    gainDb,
                    lowPassProbability,
                    lowPassMinHz,
                    lowPassMaxHz,
                    highPassProbability,
                    highPassMinHz,
                    highPassMaxHz,
                    equalizerDb,
                    pauseProbability,
                    timeMasks,
                    timeMaskMaxFrames,
                    frequencyMasks,
                    frequencyMaskMaxBins,
                    domain,
                    mix,
                    frequencyShiftBands);
        }
    }

    private static void require(boolean ok, String field, Object value) {
        if (!ok) {
            throw new IllegalArgumentException("invalid augmentation setting " + field + ": " + value);
        }
    }
}
