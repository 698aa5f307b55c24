package org.babble.core.train;

import java.util.List;
import org.babble.core.features.FeatureSettings;
import org.babble.core.model.Architecture;
import org.babble.core.train.RunConfiguration.AugmentOn;
import org.babble.core.train.RunConfiguration.Mix;

/**
 * The defaults that follow from one rule: clips over 1 s are sounds rather than TF's words. Each method takes what the
 * user gave (null when the flag was left out) and the clip length, and returns the value the run uses; a value given
 * always wins. The figures behind each default are in docs/train.md.
 */
public final class LongClipDefaults {
    /** Pauses for long clips: with the max pool they keep the nursery test at 96% on three seeds. */
    static final double PAUSE_PROBABILITY = 0.5;
    /**
     * Long clips get the room's own sound mixed under half the training clips, from the background folders babble's
     * demo and label examples name, where the run has them; with each clip's features normalised over its frames,
     * this took crying recall on recordings the model never heard from 0.26–0.32 to 0.93.
     */
    static final List<String> MIX_LABELS = List.of("room_empty", "noise");

    static final double MIX_PROBABILITY = 0.5;
    static final int WORD_MASKS = 2;
    static final int LONG_CLIP_MASKS = 6;
    /** TF's hop for words. */
    static final double WORD_STRIDE_MS = 10;
    /** TF's window for words, and the shortest window for long clips. */
    static final double WORD_WINDOW_MS = 30;

    private LongClipDefaults() {}

    public static boolean isLongClip(int clipDurationMs) {
        return clipDurationMs > 1000;
    }

    /** {@code tc_resnet} for words; {@code tc_resnet_max}, which ends in a max pool, for long clips. */
    public static Architecture architecture(int clipDurationMs, Architecture given) {
        if (given != null) {
            return given;
        }
        return isLongClip(clipDurationMs) ? Architecture.TC_RESNET_MAX : Architecture.TC_RESNET;
    }

    /** TF's 10 ms, or clip/100 for long clips: ~100 frames whatever the length, so a clip costs what a word does. */
    public static double windowStrideMs(int clipDurationMs, Double given) {
        if (given != null) {
            return given;
        }
        return isLongClip(clipDurationMs) ? Math.floor(clipDurationMs / 100.0) : WORD_STRIDE_MS;
    }

    /** TF's 30 ms, or twice the stride for long clips (at least 30 ms). */
    public static double windowSizeMs(int clipDurationMs, double strideMs, Double given) {
        if (given != null) {
            return given;
        }
        return isLongClip(clipDurationMs) ? Math.max(WORD_WINDOW_MS, 2 * strideMs) : WORD_WINDOW_MS;
    }

    /** Each long clip's features less their mean over its frames (a room's or microphone's colouring); none for words. */
    public static FeatureSettings.Normalization normalization(int clipDurationMs, FeatureSettings.Normalization given) {
        if (given != null) {
            return given;
        }
        return isLongClip(clipDurationMs) ? FeatureSettings.Normalization.MEAN : FeatureSettings.Normalization.NONE;
    }

    /**
     * PCEN for long clips' mel features: with the defaults above it found 85–89% of phone-recorded cries a nursery
     * model never heard, against 78–81% with the log, and more of the cries of unseen home recordings; TF's log for
     * words (the same speech figures either way) and for average features, which have no mel bands.
     */
    public static FeatureSettings.Compression compression(
            int clipDurationMs, FeatureSettings.Preprocess preprocess, FeatureSettings.Compression given) {
        if (given != null) {
            return given;
        }
        return isLongClip(clipDurationMs) && preprocess != FeatureSettings.Preprocess.AVERAGE
                ? FeatureSettings.Compression.PCEN
                : FeatureSettings.Compression.LOG;
    }

    /**
     * SpecAugment masks of each kind per training clip: TF-style 2 for words; LONG_CLIP_MASKS for long clips, whose
     * hundred frames and mel bands have room for more, and a model that cannot lean on any one band or moment finds
     * more of the cries it never heard (docs/train.md).
     */
    public static int masks(int clipDurationMs, Integer given) {
        if (given != null) {
            return given;
        }
        return isLongClip(clipDurationMs) ? LONG_CLIP_MASKS : WORD_MASKS;
    }

    public static double pauseProbability(int clipDurationMs, Double given) {
        if (given != null) {
            return given;
        }
        return isLongClip(clipDurationMs) ? PAUSE_PROBABILITY : 0;
    }

    /** Given a domain, that one; auto (null) means bands for long clips, whose FFTs would dominate training. */
    public static AugmentOn augmentOn(int clipDurationMs, AugmentOn given) {
        if (given != null) {
            return given;
        }
        return isLongClip(clipDurationMs) ? AugmentOn.BANDS : AugmentOn.AUDIO;
    }

    /**
     * Mixing: long clips get half their training clips mixed over {@code room_empty} or {@code noise}, those of the
     * two the run's {@code wantedWords} has; words, and runs without such a folder, mix nothing. Labels are dropped
     * when the probability is 0, so an off mix looks the same however it was turned off.
     */
    public static Mix mix(
            int clipDurationMs,
            Double givenProbability,
            List<String> givenLabels,
            List<String> wantedWords,
            double minSnrDb,
            double maxSnrDb) {
        boolean longClip = isLongClip(clipDurationMs);
        List<String> labels = givenLabels != null
                ? givenLabels
                : longClip ? MIX_LABELS.stream().filter(wantedWords::contains).toList() : List.of();
        double probability =
                givenProbability != null ? givenProbability : longClip && !labels.isEmpty() ? MIX_PROBABILITY : 0;
        return new Mix(probability, probability > 0 ? labels : List.of(), minSnrDb, maxSnrDb);
    }
}
