package org.babble.core.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.babble.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {

    /** Level in dB of {@code out} relative to a sine of {@code amplitude}, ignoring 2000 samples at each edge. */
    private static double gainDb(float[] out, double amplitude) {
        double sum = 0;
        int count = 0;
        for (int i = 2000; i < out.length - 2000; i++) {
            sum += (double) out[i] * out[i];
            count++;
        }
        return 20 * Math.log10(Math.sqrt(2 * sum / count) / amplitude);
    }

    @ParameterizedTest(name = "{0} Hz -> {1} Hz keeps a {2} Hz sine within 0.05 dB")
    @CsvSource({
        "48000, 22050, 100",
        "48000, 22050, 1000",
        "48000, 22050, 5000",
        "48000, 22050, 9500",
        "44100, 22050, 9500",
        "8000, 22050, 3500",
        "22050, 16000, 7000",
        "44100, 16001, 7000",
        "16000, 44100, 7000",
    })
    void passbandIsFlat(int from, int to, double hz) {
        float[] out = Resampler.resample(Signals.sine(hz, 0.5, from, from * 2), from, to);
        assertEquals(0, gainDb(out, 0.5), 0.05, () -> from + " -> " + to + " at " + hz + " Hz");
    }

    @ParameterizedTest(name = "{0} Hz -> {1} Hz removes a {2} Hz sine (no aliasing)")
    @CsvSource({
        "48000, 22050, 11100",
        "48000, 22050, 15000",
        "48000, 22050, 23000",
        "44100, 22050, 12000",
        "44100, 16001, 9000"
    })
    void stopbandIsRejected(int from, int to, double hz) {
        float[] out = Resampler.resample(Signals.sine(hz, 0.5, from, from * 2), from, to);
        assertTrue(gainDb(out, 0.5) < -100, () -> hz + " Hz leaked at " + gainDb(out, 0.5) + " dB");
    }

    @ParameterizedTest(name = "{0} Hz -> {1} Hz for a reader of 0-{2} Hz keeps a {3} Hz sine within 0.05 dB")
    @CsvSource({
        "48000, 22050, 4000, 100",
        "48000, 22050, 4000, 3990",
        "44100, 16000, 4000, 3990",
        "48000, 16000, 7600, 7500",
        "8000, 22050, 4000, 3500",
    })
    void aBandReaderKeepsItsBandFlat(int from, int to, double band, double hz) {
        float[] out = Resampler.resample(Signals.sine(hz, 0.5, from, from * 2), from, to, band);
        assertEquals(0, gainDb(out, 0.5), 0.05, () -> from + " -> " + to + " at " + hz + " Hz");
    }

    @ParameterizedTest(name = "{0} Hz -> {1} Hz for a reader of 0-{2} Hz: a {3} Hz sine folds nowhere into the band")
    @CsvSource({
        "48000, 22050, 4000, 18100", // folds to 3950 Hz if it got through
        "48000, 22050, 4000, 23000",
        "44100, 16000, 4000, 12100",
    })
    void aBandReaderGetsNothingFoldedIntoItsBand(int from, int to, double band, double hz) {
        float[] out = Resampler.resample(Signals.sine(hz, 0.5, from, from * 2), from, to, band);
        assertTrue(gainDb(out, 0.5) < -100, () -> hz + " Hz leaked at " + gainDb(out, 0.5) + " dB");
    }

    @Test
    void aBandReaderSharesTheFullConversionBelowItsBand() {
        // speech-like content below 4 kHz: the short filter and sox's long one agree on it to within -90 dB
        float[] in = Signals.chirp(100, 3900, 0.5, 48000, 48000 * 2);
        float[] full = Resampler.resample(in, 48000, 22050);
        float[] band = Resampler.resample(in, 48000, 22050, 4000);
        assertEquals(full.length, band.length);
        double error = 0;
        double signal = 0;
        for (int i = 2000; i < full.length - 2000; i++) {
            error += Math.pow(full[i] - band[i], 2);
            signal += (double) full[i] * full[i];
        }
        assertTrue(10 * Math.log10(error / signal) < -90, "difference " + 10 * Math.log10(error / signal) + " dB");
    }

    @Test
    void aBandAtOrAboveNyquistIsTheFullConversion() {
        float[] in = Signals.noise(0.3, 5, 48000);
        assertArrayEquals(Resampler.resample(in, 48000, 22050), Resampler.resample(in, 48000, 22050, 11025));
        assertArrayEquals(Resampler.resample(in, 8000, 22050), Resampler.resample(in, 8000, 22050, 4000));
    }

    @Test
    void outputIsAlignedWithTheInputInTime() {
        // a sine sampled at 22050 Hz directly is what a perfect converter makes from the same sine at 48000 Hz
        float[] out = Resampler.resample(Signals.sine(1000, 0.5, 48000, 96000), 48000, 22050);
        float[] direct = Signals.sine(1000, 0.5, 22050, out.length);
        for (int i = 1000; i < out.length - 1000; i++) {
            assertEquals(direct[i], out[i], 2e-4, "sample " + i);
        }
    }

    @Test
    void lengthIsRoundedAsSoxDoes() {
        // sox 14.4.2, `sox -n -r 48000 t.wav synth Ns sine 1000; sox t.wav o.wav rate 22050; soxi -s o.wav`
        assertEquals(459, Resampler.resample(new float[1000], 48000, 22050).length);
        assertEquals(460, Resampler.resample(new float[1001], 48000, 22050).length);
        assertEquals(460, Resampler.resample(new float[1002], 48000, 22050).length);
        assertEquals(462, Resampler.resample(new float[1005], 48000, 22050).length);
        assertEquals(220500, Resampler.resample(new float[480000], 48000, 22050).length);
    }

    @Test
    void sameRateIsACopyAndAClipIsKept() {
        float[] in = Signals.noise(0.1, 1, 100);
        float[] out = Resampler.resample(in, 16000, 16000);
        assertArrayEquals(in, out);
        assertTrue(in != out, "a copy, never the caller's array");
        AudioClip clip = AudioClip.mono(16000, in);
        assertSame(clip, Resampler.resample(clip, 16000));
    }

    @Test
    void everyChannelOfAClipIsConverted() {
        AudioClip stereo = new AudioClip(
                48000, new float[][] {Signals.sine(440, 0.5, 48000, 48000), Signals.sine(880, 0.25, 48000, 48000)});
        AudioClip out = Resampler.resample(stereo, 22050);
        assertEquals(22050, out.sampleRate());
        assertEquals(2, out.channelCount());
        assertEquals(22050, out.frames());
        assertEquals(0, gainDb(out.channel(1), 0.25), 0.05);
    }

    @Test
    void badRatesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Resampler.resample(new float[10], 0, 22050));
    }
}
