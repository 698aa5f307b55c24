package org.babble.core.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.babble.testing.SharedData;
import org.babble.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GainTest {

    private static double rmsDb(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += (double) v * v;
        }
        return 10 * Math.log10(sum / x.length);
    }

    /**
     * Golden figures from sox 14.4.2, computed once:
     * {@code sox -D IN -e floating-point -b 32 OUT.wav vol DB dB}; the clipped count is sox's own
     * "vol clipped N samples" warning, the RMS level is 20*log10(sqrt(mean(OUT^2))) in numpy.
     */
    @ParameterizedTest(name = "{0} vol {1} dB")
    @CsvSource({
        "nursery/crying/louise01_nohash_0.wav, 45, 87935, -0.6736",
        "nursery/noise/esc1-13571_nohash_A.wav, 20, 47978, -2.1821",
        "nursery/laughing/laugh1_nohash_0.wav, 12, 6511, -9.8943",
    })
    void gainMatchesSoxVol(String clip, double db, long soxClipped, double soxRmsDb) {
        Path file = SharedData.require(clip);
        Gain.Result result = Gain.applyDb(WavReader.read(file).clip().mixdown(), db);
        assertEquals(soxClipped, result.clipped(), "clipped samples");
        assertEquals(soxRmsDb, rmsDb(result.samples()), 0.001, "RMS level");
    }

    /** sox 14.4.2: {@code sox -D louise01_nohash_0.wav -e floating-point -b 32 OUT.wav gain -n -1}: peak -1.00000 dBFS,
     * RMS -15.1290 dB (numpy). */
    @Test
    void normalizeMatchesSoxGainN() {
        Path file = SharedData.require("nursery/crying/louise01_nohash_0.wav");
        Gain.Result result = Gain.normalize(WavReader.read(file).clip().mixdown(), -1);
        assertEquals(-1.0, 20 * Math.log10(Gain.peak(result.samples())), 1e-5);
        assertEquals(-15.1290, rmsDb(result.samples()), 0.001);
        assertEquals(0, result.clipped());
    }

    @Test
    void sixDecibelsDoublesAndClipsWhatPassesFullScale() {
        Gain.Result result = Gain.applyDb(new float[] {0.25f, -0.25f, 0.6f, -0.7f, 0f}, 20 * Math.log10(2));
        assertArrayEquals(new float[] {0.5f, -0.5f, 1f, -1f, 0f}, result.samples(), 1e-6f);
        assertEquals(2, result.clipped());
    }

    @Test
    void clipHoldsFloatSamplesBeyondFullScaleAndCountsThem() {
        float[] hot = {1.5f, -2f, 0.5f, 1f, -1f};
        assertEquals(2, Gain.countClipping(hot));
        Gain.Result result = Gain.clip(hot);
        assertArrayEquals(new float[] {1f, -1f, 0.5f, 1f, -1f}, result.samples());
        assertEquals(2, result.clipped());
    }

    @Test
    void normalizeLeavesSilenceAloneAndRejectsPositiveTargets() {
        Gain.Result silent = Gain.normalize(new float[100], -1);
        assertEquals(0, Gain.peak(silent.samples()));
        assertThrows(IllegalArgumentException.class, () -> Gain.normalize(new float[] {0.1f}, 1));
    }

    @Test
    void gainNeverTouchesTheCallersArray() {
        float[] in = Signals.sine(440, 0.9, 8000, 800);
        float[] copy = in.clone();
        Gain.applyDb(in, 30);
        assertArrayEquals(copy, in);
    }

    @Test
    void holdingAtFullScaleOnBitsEqualsComparingEverySample() {
        float[] special = {
            0f,
            -0f,
            1f,
            -1f,
            Math.nextUp(1f),
            Math.nextDown(-1f),
            Math.nextDown(1f),
            Float.MIN_VALUE,
            -Float.MIN_VALUE,
            Float.MAX_VALUE,
            -Float.MAX_VALUE,
            Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY
        };
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 200_000 + special.length; i++) {
            float v = i < special.length ? special[i] : Float.intBitsToFloat(random.nextInt());
            float expected = v > 1 ? 1 : v < -1 ? -1 : v;
            float held = Gain.heldAtFullScale(v);
            assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(held), "for " + v);
        }
        assertTrue(Float.isNaN(Gain.heldAtFullScale(Float.NaN)));
    }
}
