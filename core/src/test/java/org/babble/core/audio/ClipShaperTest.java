package org.babble.core.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.babble.testing.SharedData;
import org.junit.jupiter.api.Test;

class ClipShaperTest {

    /**
     * sox 14.4.2, computed once: {@code sox -D louise01_nohash_0.wav -e floating-point -b 32 OUT.wav trim 0.5 2}
     * gives 44100 samples starting 0.11325073, -0.10534668, -0.20962524, RMS -12.3997 dB (numpy).
     */
    @Test
    void trimMatchesSoxTrim() {
        float[] in = WavReader.read(SharedData.require("nursery/crying/louise01_nohash_0.wav"))
                .clip()
                .mixdown();
        float[] out = ClipShaper.trim(in, ClipShaper.frames(0.5, 22050), ClipShaper.frames(2, 22050));
        assertEquals(44100, out.length);
        assertArrayEquals(
                new float[] {0.11325073f, -0.10534668f, -0.20962524f}, java.util.Arrays.copyOf(out, 3), 1e-7f);
        double sum = 0;
        for (float v : out) {
            sum += (double) v * v;
        }
        assertEquals(-12.3997, 10 * Math.log10(sum / out.length), 0.001);
    }

    /**
     * sox 14.4.2, computed once: {@code sox -D louise01_nohash_0.wav -e floating-point -b 32 OUT.wav trim 3 10 pad 0 8}
     * (the last 2 s of a 5 s clip, zero-padded to 10 s) gives 220500 samples, starting 0.0665283203125, the last
     * non-zero one at index 44099 (0.0008544921875), RMS -29.0717 dB (numpy).
     */
    @Test
    void trimThenFitMatchesSoxTrimPad() {
        float[] in = WavReader.read(SharedData.require("nursery/crying/louise01_nohash_0.wav"))
                .clip()
                .mixdown();
        ClipShaper.Fitted out = ClipShaper.fit(
                ClipShaper.trim(in, ClipShaper.frames(3, 22050), ClipShaper.frames(10, 22050)),
                ClipShaper.frames(10, 22050));
        assertTrue(out.padded());
        float[] x = out.samples();
        assertEquals(220500, x.length);
        assertEquals(0.0665283203125, x[0], 1e-9);
        assertEquals(0.0008544921875, x[44099], 1e-9);
        double sum = 0;
        int lastNonZero = -1;
        for (int i = 0; i < x.length; i++) {
            sum += (double) x[i] * x[i];
            if (x[i] != 0) {
                lastNonZero = i;
            }
        }
        assertEquals(44099, lastNonZero);
        assertEquals(-29.0717, 10 * Math.log10(sum / x.length), 0.001);
    }

    @Test
    void trimPastTheEndIsShorterOrEmpty() {
        float[] in = {1, 2, 3, 4, 5};
        assertArrayEquals(new float[] {4, 5}, ClipShaper.trim(in, 3, 10));
        assertEquals(0, ClipShaper.trim(in, 9, 2).length);
        assertThrows(IllegalArgumentException.class, () -> ClipShaper.trim(in, -1, 2));
    }

    @Test
    void fitPadsShortClipsWithZerosAndSaysSo() {
        ClipShaper.Fitted fitted = ClipShaper.fit(new float[] {1, 2, 3}, 5);
        assertArrayEquals(new float[] {1, 2, 3, 0, 0}, fitted.samples());
        assertTrue(fitted.padded());
    }

    @Test
    void fitCutsLongClipsWithoutPadding() {
        ClipShaper.Fitted fitted = ClipShaper.fit(new float[] {1, 2, 3}, 2);
        assertArrayEquals(new float[] {1, 2}, fitted.samples());
        assertFalse(fitted.padded());
        assertFalse(ClipShaper.fit(new float[] {1, 2}, 2).padded());
    }

    @Test
    void secondsRoundToTheNearestSample() {
        assertEquals(220500, ClipShaper.frames(10, 22050));
        assertEquals(445410, ClipShaper.frames(10.1, 44100));
        assertEquals(8000, ClipShaper.frames(0.5, 16000));
        assertEquals(1, ClipShaper.frames(0.00007, 8000));
        assertThrows(IllegalArgumentException.class, () -> ClipShaper.frames(-1, 8000));
    }
}
