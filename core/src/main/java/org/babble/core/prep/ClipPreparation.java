package org.babble.core.prep;

import java.util.List;
import java.util.Locale;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.ClipShaper;
import org.babble.core.audio.Resampler;
import org.babble.core.features.FeatureExtractor;
import org.babble.core.features.FeatureExtractors;
import org.babble.core.features.FeatureSettings;
import org.babble.core.features.WindowFeatures;

/**
 * The one way decoded audio becomes a model's input, shared by training, evaluation, classify, monitor, label and
 * features, so what a model is served is what it was trained on: mix down to mono, resample to the model's rate, pad
 * or cut to the clip length, then the features (normalised per clip) that the settings name. Training stops after
 * {@link #fit} to augment the samples, then calls {@link #features}; windows of a longer recording go through
 * {@link #windowFeatures}, which shares frames between overlapping windows. Each step says what it did as a
 * {@link Note}.
 *
 * <p>Not thread-safe (the feature extractor reuses buffers); one per thread.
 */
public final class ClipPreparation {
    private final FeatureSettings settings;
    private final FeatureExtractor extractor;
    private final WindowFeatures windows;

    public ClipPreparation(FeatureSettings settings) {
        this.settings = settings;
        this.extractor = FeatureExtractors.create(settings);
        this.windows = new WindowFeatures(settings);
    }

    public FeatureSettings settings() {
        return settings;
    }

    /** {@code clip} as one channel at the model's rate; notes a mixdown and a resampling. */
    public float[] mono(AudioClip clip, List<Note> notes) {
        float[] mono = clip.mixdown();
        if (clip.channelCount() > 1) {
            notes.add(new Note(Note.Kind.MIXED_DOWN, "mixed " + clip.channelCount() + " channels down to mono"));
        }
        if (clip.sampleRate() != settings.sampleRate()) {
            notes.add(new Note(
                    Note.Kind.RESAMPLED,
                    "resampled " + clip.sampleRate() + " Hz to the model's " + settings.sampleRate() + " Hz"));
            mono = Resampler.resample(
                    mono, clip.sampleRate(), settings.sampleRate(), settings.highestFrequencyUsedHz());
        }
        return mono;
    }

    /** Exactly one clip of samples (TF's {@code decode_wav(desired_samples=...)}): zeros after, or cut; notes either. */
    public float[] fit(float[] mono, List<Note> notes) {
        int wanted = settings.desiredSamples();
        if (mono.length == wanted) {
            return mono;
        }
        double rate = settings.sampleRate();
        notes.add(
                mono.length < wanted
                        ? new Note(
                                Note.Kind.PADDED,
                                String.format(
                                        Locale.ROOT,
                                        "padded %.2f s to the model's %.2f s clip",
                                        mono.length / rate,
                                        wanted / rate))
                        : new Note(
                                Note.Kind.CUT,
                                String.format(
                                        Locale.ROOT,
                                        "cut %.2f s to the model's %.2f s clip",
                                        mono.length / rate,
                                        wanted / rate)));
        return ClipShaper.fit(mono, wanted).samples();
    }

    /** The features of one clip of samples (see {@link #fit}), frames first, into {@code destination[offset ..]}. */
    public void features(float[] clipSamples, float[] destination, int offset) {
        extractor.extract(clipSamples, destination, offset);
    }

    /** The whole way for a clip: {@link #mono}, {@link #fit}, {@link #features}; a new array. */
    public float[] clipFeatures(AudioClip clip, List<Note> notes) {
        float[] out = new float[settings.featureSize()];
        features(fit(mono(clip, notes), notes), out, 0);
        return out;
    }

    /**
     * The features of the window starting at sample {@code start} of a longer mono recording at the model's rate, held
     * in {@code samples[from .. from + desiredSamples)}; windows of one recording come in order of their start.
     */
    public void windowFeatures(long start, float[] samples, int from, float[] destination, int offset) {
        windows.extract(start, samples, from, destination, offset);
    }

    /** The next windows belong to another recording. */
    public void restartWindows() {
        windows.restart();
    }
}
