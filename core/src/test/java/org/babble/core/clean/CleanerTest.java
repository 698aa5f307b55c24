package org.babble.core.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.babble.core.BabbleException;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.ChannelSelection;
import org.babble.core.audio.Gain;
import org.babble.testing.Signals;
import org.junit.jupiter.api.Test;

class CleanerTest {
    /** 25 s of a 440 Hz sine at 48 kHz in stereo, left loud and right quiet. */
    private final AudioClip stereo = new AudioClip(
            48000,
            new float[][] {Signals.sine(440, 0.5, 48000, 48000 * 25), Signals.sine(440, 0.1, 48000, 48000 * 25)});

    @Test
    void segmentsResamplesAndMixesDown() {
        Cleaner.Outcome outcome =
                new Cleaner(CleanSettings.defaults().withSegment(10).withRate(22050)).clean(stereo);
        List<CleanedClip> clips = outcome.clips();
        assertEquals(3, clips.size(), "10 + 10 + 5 s");
        assertEquals(220500, clips.get(0).clip().frames());
        assertEquals(220500, clips.get(1).clip().frames());
        assertEquals(110250, clips.get(2).clip().frames(), "the last piece keeps its length, as ffmpeg's segmenter");
        assertEquals(1, clips.get(0).clip().channelCount());
        assertEquals(22050, clips.get(0).clip().sampleRate());
        assertEquals(0.3, Gain.peak(clips.get(0).clip().channel(0)), 0.001, "mean of 0.5 and 0.1");
        assertEquals(List.of(0, 1, 2), clips.stream().map(CleanedClip::index).toList());
        assertEquals(0, outcome.dropped());
    }

    @Test
    void durationPadsTheShortLastPieceAndCountsIt() {
        Cleaner.Outcome outcome = new Cleaner(CleanSettings.defaults()
                        .withSegment(10)
                        .withDuration(10)
                        .withRate(16000))
                .clean(stereo);
        assertEquals(3, outcome.clips().size());
        outcome.clips().forEach(c -> assertEquals(160000, c.clip().frames()));
        assertEquals(
                List.of(false, false, true),
                outcome.clips().stream().map(CleanedClip::padded).toList());
        float[] last = outcome.clips().get(2).clip().channel(0);
        assertEquals(0, Gain.peak(java.util.Arrays.copyOfRange(last, 80500, 160000)), "zeros after the 5 s of sound");
    }

    @Test
    void dropShortDropsTheShortPieceInstead() {
        Cleaner.Outcome outcome = new Cleaner(CleanSettings.defaults()
                        .withSegment(10)
                        .withDuration(10)
                        .withDropShort(true))
                .clean(stereo);
        assertEquals(2, outcome.clips().size());
        assertEquals(1, outcome.dropped());
        Cleaner.Outcome segmentOnly =
                new Cleaner(CleanSettings.defaults().withSegment(10).withDropShort(true)).clean(stereo);
        assertEquals(2, segmentOnly.clips().size());
        assertEquals(1, segmentOnly.dropped());
    }

    @Test
    void trimKeepsExactlyTheAskedLengthOfEveryPiece() {
        Cleaner.Outcome outcome =
                new Cleaner(CleanSettings.defaults().withTrim(20, 10).withRate(22050)).clean(stereo);
        CleanedClip clip = outcome.clips().get(0);
        assertEquals(220500, clip.clip().frames());
        assertTrue(clip.padded(), "only 5 s left after 20 s");
        Cleaner.Outcome full = new Cleaner(CleanSettings.defaults().withTrim(1.5, 10)).clean(stereo);
        assertEquals(480000, full.clips().get(0).clip().frames());
        assertFalse(full.clips().get(0).padded());
    }

    @Test
    void gainCountsClippedSamplesAndNormalizeSetsThePeak() {
        CleanedClip loud = new Cleaner(CleanSettings.defaults().withGainDb(20))
                .clean(stereo)
                .clips()
                .get(0);
        // a 0.3 sine boosted 10 times passes full scale wherever |sin| > 1/3: 1 - (2/pi) asin(1/3) = 78.4% of the time
        assertEquals(0.784, loud.clippedFraction(), 0.005);
        assertEquals(48000L * 25, loud.checkedSamples(), "counted at the source rate, like sox's vol");
        CleanedClip loudResampled = new Cleaner(
                        CleanSettings.defaults().withGainDb(20).withRate(22050))
                .clean(stereo)
                .clips()
                .get(0);
        assertEquals(
                loud.clippedSamples(), loudResampled.clippedSamples(), "overshoot after resampling is not recounted");
        CleanedClip normalised = new Cleaner(
                        CleanSettings.defaults().withNormalize(-1).withRate(22050))
                .clean(stereo)
                .clips()
                .get(0);
        assertEquals(-1, 20 * Math.log10(Gain.peak(normalised.clip().channel(0))), 1e-4);
        assertEquals(0, normalised.clippedSamples());
    }

    @Test
    void channelsCanBePickedOrKept() {
        AudioClip right = new Cleaner(CleanSettings.defaults().withChannels(ChannelSelection.only(2)))
                .clean(stereo)
                .clips()
                .get(0)
                .clip();
        assertEquals(0.1, Gain.peak(right.channel(0)), 1e-4);
        AudioClip both = new Cleaner(CleanSettings.defaults()
                        .withChannels(ChannelSelection.KEEP)
                        .withRate(16000))
                .clean(stereo)
                .clips()
                .get(0)
                .clip();
        assertEquals(2, both.channelCount());
    }

    @Test
    void joinedRecordingsAreCutAsOne() {
        AudioClip a = AudioClip.mono(16000, Signals.sine(300, 0.2, 16000, 16000 * 7));
        AudioClip b = AudioClip.mono(8000, Signals.sine(300, 0.2, 8000, 8000 * 7));
        Cleaner.Outcome outcome = new Cleaner(CleanSettings.defaults().withSegment(5)).cleanJoined(List.of(a, b));
        assertEquals(3, outcome.clips().size(), "14 s joined at 16 kHz: 5 + 5 + 4");
        assertEquals(16000 * 4, outcome.clips().get(2).clip().frames());
    }

    @Test
    void anEmptyRecordingIsReported() {
        assertThrows(
                BabbleException.class,
                () -> new Cleaner(CleanSettings.defaults()).clean(AudioClip.mono(8000, new float[0])));
    }

    @Test
    void settingsNameTheBadField() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> CleanSettings.defaults().withNormalize(3));
        assertTrue(e.getMessage().startsWith("normalize"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> CleanSettings.defaults().withSegment(0));
        assertThrows(
                IllegalArgumentException.class, () -> CleanSettings.defaults().withRate(10));
        assertThrows(
                IllegalArgumentException.class,
                () -> CleanSettings.defaults().withTrim(0, 1).withDuration(1));
    }
}
