package org.babble.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.babble.core.features.FeatureSettings.Compression;
import org.babble.core.features.FeatureSettings.Normalization;
import org.babble.core.features.FeatureSettings.Preprocess;
import org.babble.core.model.Architecture;
import org.babble.core.train.RunConfiguration.AugmentOn;
import org.babble.core.train.RunConfiguration.Mix;
import org.junit.jupiter.api.Test;

/** The defaults for clips over 1 s, and that a value given always wins: no data, no training. */
class LongClipDefaultsTest {
    private static final int WORD = 1000;
    private static final int FIVE_SECONDS = 5000;
    private static final List<String> NURSERY = List.of("crying", "laughing", "noise", "room_empty");

    @Test
    void aOneSecondClipIsAWordAndGetsTfsDefaults() {
        assertEquals(Architecture.TC_RESNET, LongClipDefaults.architecture(WORD, null));
        assertEquals(10, LongClipDefaults.windowStrideMs(WORD, null));
        assertEquals(30, LongClipDefaults.windowSizeMs(WORD, 10, null));
        assertEquals(Normalization.NONE, LongClipDefaults.normalization(WORD, null));
        assertEquals(Compression.LOG, LongClipDefaults.compression(WORD, Preprocess.MFCC, null));
        assertEquals(0, LongClipDefaults.pauseProbability(WORD, null));
        assertEquals(2, LongClipDefaults.masks(WORD, null));
        assertEquals(AugmentOn.AUDIO, LongClipDefaults.augmentOn(WORD, null));
        assertEquals(Mix.NONE, LongClipDefaults.mix(WORD, null, null, NURSERY, 0, 20));
    }

    @Test
    void aFiveSecondClipGetsAHundredFramesTheMaxPoolPausesMoreMasksBandsPcenAndMeanNormalisation() {
        assertEquals(Architecture.TC_RESNET_MAX, LongClipDefaults.architecture(FIVE_SECONDS, null));
        assertEquals(50, LongClipDefaults.windowStrideMs(FIVE_SECONDS, null));
        assertEquals(100, LongClipDefaults.windowSizeMs(FIVE_SECONDS, 50, null));
        assertEquals(Normalization.MEAN, LongClipDefaults.normalization(FIVE_SECONDS, null));
        assertEquals(Compression.PCEN, LongClipDefaults.compression(FIVE_SECONDS, Preprocess.MFCC, null));
        assertEquals(Compression.PCEN, LongClipDefaults.compression(FIVE_SECONDS, Preprocess.LOGMEL, null));
        assertEquals(
                Compression.LOG,
                LongClipDefaults.compression(FIVE_SECONDS, Preprocess.AVERAGE, null),
                "average features have no mel bands to normalise");
        assertEquals(0.5, LongClipDefaults.pauseProbability(FIVE_SECONDS, null));
        assertEquals(6, LongClipDefaults.masks(FIVE_SECONDS, null));
        assertEquals(AugmentOn.BANDS, LongClipDefaults.augmentOn(FIVE_SECONDS, null));
    }

    @Test
    void aLongClipsWindowIsNeverShorterThanTfs() {
        // 1.2 s: a 12 ms hop, and twice that would be below 30 ms
        assertEquals(12, LongClipDefaults.windowStrideMs(1200, null));
        assertEquals(30, LongClipDefaults.windowSizeMs(1200, 12, null));
    }

    @Test
    void longClipsMixTheRoomFoldersTheRunHasUnderHalfTheClips() {
        assertEquals(
                new Mix(0.5, List.of("room_empty", "noise"), 0, 20),
                LongClipDefaults.mix(FIVE_SECONDS, null, null, NURSERY, 0, 20));
        assertEquals(
                new Mix(0.5, List.of("noise"), -5, 10),
                LongClipDefaults.mix(FIVE_SECONDS, null, null, List.of("crying", "noise"), -5, 10));
    }

    @Test
    void aLongClipRunWithoutARoomFolderMixesNothing() {
        assertEquals(Mix.NONE, LongClipDefaults.mix(FIVE_SECONDS, null, null, List.of("crying", "laughing"), 0, 20));
    }

    @Test
    void valuesGivenWinWhateverTheClipLength() {
        for (int clip : new int[] {WORD, FIVE_SECONDS}) {
            String why = clip + " ms";
            assertEquals(Architecture.SINGLE_FC, LongClipDefaults.architecture(clip, Architecture.SINGLE_FC), why);
            assertEquals(7.5, LongClipDefaults.windowStrideMs(clip, 7.5), why);
            assertEquals(25, LongClipDefaults.windowSizeMs(clip, 7.5, 25.0), why);
            assertEquals(Normalization.STANDARD, LongClipDefaults.normalization(clip, Normalization.STANDARD), why);
            assertEquals(Compression.PCEN, LongClipDefaults.compression(clip, Preprocess.MFCC, Compression.PCEN), why);
            assertEquals(Compression.LOG, LongClipDefaults.compression(clip, Preprocess.MFCC, Compression.LOG), why);
            assertEquals(0.25, LongClipDefaults.pauseProbability(clip, 0.25), why);
            assertEquals(3, LongClipDefaults.masks(clip, 3), why);
            assertEquals(AugmentOn.AUDIO, LongClipDefaults.augmentOn(clip, AugmentOn.AUDIO), why);
            assertEquals(
                    new Mix(0.3, List.of("crying"), 0, 20),
                    LongClipDefaults.mix(clip, 0.3, List.of("crying"), NURSERY, 0, 20),
                    why);
        }
    }

    @Test
    void mixingTurnedOffCarriesNoLabelsHoweverItWasTurnedOff() {
        assertEquals(Mix.NONE, LongClipDefaults.mix(FIVE_SECONDS, 0.0, null, NURSERY, 0, 20));
        assertEquals(Mix.NONE, LongClipDefaults.mix(FIVE_SECONDS, 0.0, List.of("noise"), NURSERY, 0, 20));
    }
}
