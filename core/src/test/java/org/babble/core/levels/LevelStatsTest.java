package org.babble.core.levels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.babble.core.audio.AudioClip;
import org.babble.testing.Signals;
import org.junit.jupiter.api.Test;

/** The report's figures on signals whose levels are known in closed form. */
class LevelStatsTest {
    private static final int RATE = 16000;

    @Test
    void aHalfScaleSineHasTheTextbookFigures() {
        // 1 kHz at 16 kHz: 16 samples a period, so the peak sample is exactly 0.5
        LevelStats stats = LevelStats.of(AudioClip.mono(RATE, Signals.sine(1000, 0.5, RATE, RATE)));
        ChannelLevels c = stats.overall();
        assertEquals(20 * Math.log10(0.5), c.peakDb(), 1e-6, "peak");
        assertEquals(20 * Math.log10(0.5 / Math.sqrt(2)), c.rmsDb(), 1e-4, "RMS");
        assertEquals(Math.sqrt(2), c.crestFactor(), 1e-4, "crest factor");
        assertEquals(0, c.dcOffset(), 1e-7, "DC offset");
        // a steady tone: short-term RMS settles at the long-term RMS, ripple well under 0.1 dB
        assertEquals(c.rmsDb(), c.rmsPeakDb(), 0.1, "RMS Pk");
        assertEquals(c.rmsDb(), c.rmsTroughDb(), 0.1, "RMS Tr");
        assertEquals(RATE, stats.samples());
        assertEquals(1.0, stats.lengthSeconds());
    }

    @Test
    void aSquareWaveIsFlatAndItsPeaksAreCounted() {
        float[] square = new float[8000];
        for (int i = 0; i < square.length; i++) {
            square[i] = (i / 10) % 2 == 0 ? 0.25f : -0.25f;
        }
        ChannelLevels c = LevelStats.of(AudioClip.mono(8000, square)).overall();
        assertEquals(8000, c.peakCount(), "every sample sits at an extreme");
        // runs of 10: sum of squared run lengths / samples at extremes = 10 → 20 dB
        assertEquals(20, c.flatFactor(), 1e-9);
        assertEquals(1, c.crestFactor(), 1e-9);
    }

    @Test
    void dcOffsetIsTheMean() {
        float[] samples = Signals.sine(50, 0.1, RATE, RATE);
        for (int i = 0; i < samples.length; i++) {
            samples[i] += 0.25f;
        }
        assertEquals(
                0.25, LevelStats.of(AudioClip.mono(RATE, samples)).overall().dcOffset(), 1e-6);
    }

    @Test
    void bitDepthCountsTheBitsInUseAsSoxDoes() {
        // 16-bit values peaking near -12 dBFS: two leading bits unused, no trailing ones below bit 16
        float[] samples = {1000 / 32768f, -8000 / 32768f, 3 / 32768f};
        ChannelLevels c = LevelStats.of(AudioClip.mono(RATE, samples)).overall();
        assertEquals(16, c.bitPrecision());
        assertEquals(14, c.bitDepth());
        ChannelLevels eightBit = LevelStats.of(AudioClip.mono(RATE, new float[] {0.5f, -1f / 128}))
                .overall();
        assertEquals(8, eightBit.bitPrecision());
    }

    @Test
    void stereoHasAnOverallColumnAndNoOverallCrestFactor() {
        AudioClip clip =
                new AudioClip(RATE, new float[][] {Signals.sine(440, 0.5, RATE, RATE), Signals.noise(0.05, 3, RATE)});
        LevelStats stats = LevelStats.of(clip);
        assertEquals(2, stats.channelCount());
        ChannelLevels left = stats.channels().get(0);
        ChannelLevels right = stats.channels().get(1);
        assertTrue(Double.isNaN(stats.overall().crestFactor()), "sox prints '-'");
        assertEquals(Math.max(left.peakDb(), right.peakDb()), stats.overall().peakDb(), 1e-12);
        double meanSquare = (Math.pow(10, left.rmsDb() / 10) + Math.pow(10, right.rmsDb() / 10)) / 2;
        assertEquals(10 * Math.log10(meanSquare), stats.overall().rmsDb(), 1e-9, "RMS over all samples");
        assertEquals((left.peakCount() + right.peakCount()) / 2, stats.overall().peakCount(), 1e-12);
        assertEquals(RATE, stats.samples(), "samples per channel");
    }

    @Test
    void silenceReadsMinusInfinity() {
        ChannelLevels c = LevelStats.of(AudioClip.mono(RATE, new float[100])).overall();
        assertEquals(Double.NEGATIVE_INFINITY, c.peakDb());
        assertEquals(Double.NEGATIVE_INFINITY, c.rmsDb());
        assertEquals(1, c.crestFactor(), "sox's convention for silence");
        assertEquals(0, c.bitDepth());
    }

    @Test
    void aClipShorterThanFiveWindowsReportsItsWholeRmsAsPeakAndTrough() {
        ChannelLevels c = LevelStats.of(AudioClip.mono(RATE, Signals.sine(1000, 0.5, RATE, 1600)))
                .overall();
        assertEquals(c.rmsDb(), c.rmsPeakDb(), 1e-12);
        assertEquals(c.rmsDb(), c.rmsTroughDb(), 1e-12);
    }

    @Test
    void refusesAnEmptyClipOrAWindowThatIsNotPositive() {
        assertThrows(IllegalArgumentException.class, () -> LevelStats.of(AudioClip.mono(RATE, new float[0])));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> LevelStats.of(AudioClip.mono(RATE, new float[10]), 0));
        assertTrue(e.getMessage().contains("windowSeconds"));
    }
}
