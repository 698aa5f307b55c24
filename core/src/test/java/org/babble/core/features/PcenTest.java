package org.babble.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * PCEN as {@code librosa.pcen} computes it with its defaults. The golden values come from librosa's algorithm run with
 * scipy's IIR filter ({@code scipy.signal.lfilter} with {@code lfilter_zi} scaled by the first frame, scipy 1.17):
 * three bands a decade apart, rising levels with a burst every fifth frame, frames 50 ms apart.
 */
class PcenTest {
    private static final float[][] BANDS = {
        {0.8f, 16f, 240f}, {0.2f, 4f, 60f}, {0.3f, 6f, 90f}, {0.4f, 8f, 120f}, {0.5f, 10f, 150f}, {4.8f, 96f, 1440f},
        {0.7f, 14f, 210f}, {0.8f, 16f, 240f}, {0.9f, 18f, 270f}, {1f, 20f, 300f}, {8.8f, 176f, 2640f}, {1.2f, 24f, 360f}
    };
    private static final double[][] LIBROSA = {
        {0.316550966164, 0.334219443441, 0.350962321972},
        {0.0932415835391, 0.0988106515063, 0.104121031944},
        {0.147309699168, 0.155952721756, 0.164179625401},
        {0.202420123576, 0.214094396744, 0.225188615304},
        {0.255337611985, 0.269835476713, 0.283593733695},
        {1.09565823055, 1.14799917233, 1.19710672859},
        {0.215280100408, 0.227647939192, 0.239397215832},
        {0.250491677345, 0.264734146617, 0.278251809806},
        {0.283177846535, 0.299129688983, 0.314257578678},
        {0.312475963415, 0.329936263813, 0.346483450782},
        {1.15735279031, 1.21215025733, 1.26354131395},
        {0.216048985196, 0.228458064089, 0.240246338899}
    };

    @Test
    void matchesLibrosaWithItsDefaults() {
        Pcen pcen = new Pcen(50);
        assertEquals(0.11743140267094843, pcen.smoothing(), 1e-15, "librosa's b for a 0.4 s time constant");
        double[][] out = pcen.apply(BANDS);
        for (int f = 0; f < BANDS.length; f++) {
            for (int b = 0; b < BANDS[f].length; b++) {
                assertEquals(LIBROSA[f][b], out[f][b], 1e-6, "frame " + f + ", band " + b);
            }
        }
    }

    @Test
    void aBandsOwnLevelIsDividedOut() {
        // the same band shape 30 dB louder: a log would move every value by the same 3.45; PCEN hardly moves
        float[][] louder = new float[BANDS.length][];
        for (int f = 0; f < BANDS.length; f++) {
            louder[f] = BANDS[f].clone();
            for (int b = 0; b < louder[f].length; b++) {
                louder[f][b] *= 31.6f;
            }
        }
        Pcen pcen = new Pcen(50);
        double[][] quiet = pcen.apply(BANDS);
        double[][] loud = pcen.apply(louder);
        for (int f = 0; f < BANDS.length; f++) {
            for (int b = 0; b < BANDS[f].length; b++) {
                assertEquals(quiet[f][b], loud[f][b], 0.1 * quiet[f][b], "frame " + f + ", band " + b);
            }
        }
    }

    @Test
    void anOnsetStandsOutOfASteadyBackground() {
        double[][] out = new Pcen(50).apply(BANDS);
        assertTrue(out[5][0] > 4 * out[4][0], "the burst in frame 5 against the frame before it");
    }

    @Test
    void aClipWithoutFramesHasNone() {
        assertEquals(0, new Pcen(10).apply(new float[0][]).length);
        assertThrows(IllegalArgumentException.class, () -> new Pcen(0));
    }
}
