package org.babble.core.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.babble.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamingResamplerTest {

    /** Feeds {@code samples} in blocks of random size (1 to {@code maxBlock}) and returns the whole output. */
    private static float[] streamed(float[] samples, int from, int to, int maxBlock, long seed) {
        StreamingResampler stream = new StreamingResampler(from, to);
        Random random = new Random(seed);
        float[] out = new float[0];
        for (int at = 0; at < samples.length; ) {
            int n = Math.min(samples.length - at, 1 + random.nextInt(maxBlock));
            float[] block = java.util.Arrays.copyOfRange(samples, at, at + n);
            out = concat(out, stream.push(block, n));
            at += n;
        }
        return concat(out, stream.finish());
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @ParameterizedTest(name = "{0} Hz -> {1} Hz in blocks of up to {2}: the one-shot conversion, bit for bit")
    @CsvSource({
        "48000, 22050, 4096",
        "48000, 22050, 7",
        "44100, 16000, 1000",
        "16000, 22050, 300",
        "8000, 16000, 1",
        "22050, 22050, 500",
        "44101, 16000, 2000",
        "16000, 48000, 64"
    })
    void equalsTheOneShotConversionWhateverTheBlocks(int from, int to, int maxBlock) {
        float[] samples = Signals.noise(0.3, 11, from / 2 + 123);
        float[] whole = Resampler.resample(samples, from, to);
        assertArrayEquals(whole, streamed(samples, from, to, maxBlock, from + to + maxBlock));
    }

    @Test
    void aBandReadersStreamEqualsItsOneShotConversion() {
        float[] samples = Signals.noise(0.3, 12, 48000 + 321);
        StreamingResampler stream = new StreamingResampler(48000, 22050, 4000);
        float[] out = new float[0];
        for (int at = 0; at < samples.length; at += 1000) {
            int n = Math.min(1000, samples.length - at);
            out = concat(out, stream.push(java.util.Arrays.copyOfRange(samples, at, at + n), n));
        }
        out = concat(out, stream.finish());
        assertArrayEquals(Resampler.resample(samples, 48000, 22050, 4000), out);
    }

    @Test
    void aStreamShorterThanTheFilterStillGivesTheOneShotOutput() {
        float[] samples = Signals.sine(440, 0.5, 48000, 10);
        assertArrayEquals(Resampler.resample(samples, 48000, 22050), streamed(samples, 48000, 22050, 3, 1));
    }

    @Test
    void keepsOnlyAboutOneFilterOfInputHoweverLongTheStream() {
        StreamingResampler stream = new StreamingResampler(48000, 22050);
        float[] block = Signals.noise(0.1, 3, 4800);
        long out = 0;
        for (int i = 0; i < 2000; i++) { // 200 s of audio
            out += stream.push(block, block.length).length;
        }
        out += stream.finish().length;
        assertEquals(Resampler.outputLength(2000L * 4800, 48000, 22050), out);
        assertEquals(out, stream.produced());
    }

    @Test
    void refusesAudioAfterTheEnd() {
        StreamingResampler stream = new StreamingResampler(16000, 8000);
        stream.finish();
        assertThrows(IllegalStateException.class, () -> stream.push(new float[4], 4));
    }
}
