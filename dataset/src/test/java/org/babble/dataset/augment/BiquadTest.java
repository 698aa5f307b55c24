package org.babble.dataset.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Consumer;
import org.babble.testing.Signals;
import org.junit.jupiter.api.Test;

/**
 * Steady-state gains of the filters, measured on sines. Butterworth figures are scipy's
 * ({@code 20*log10|freqz(*butter(4, fc, btype, fs=16000), [f])|}); shelves follow the audio-EQ cookbook's definition:
 * full gain far inside the shelf, half of it (in dB) at the corner, none far outside.
 */
class BiquadTest {
    private static final int RATE = 16000;

    @Test
    void butterworthHighPassMatchesScipy() {
        Consumer<float[]> hp = x -> Biquad.butterworthHighPass(200, RATE).forEach(b -> b.filter(x));
        assertEquals(-48.182, gainDb(hp, 50), 0.05);
        assertEquals(-24.113, gainDb(hp, 100), 0.05);
        assertEquals(-3.010, gainDb(hp, 200), 0.02);
        assertEquals(-0.017, gainDb(hp, 400), 0.02);
    }

    @Test
    void butterworthLowPassMatchesScipy() {
        Consumer<float[]> lp = x -> Biquad.butterworthLowPass(3000, RATE).forEach(b -> b.filter(x));
        assertEquals(-0.008, gainDb(lp, 1500), 0.02);
        assertEquals(-3.010, gainDb(lp, 3000), 0.02);
        assertEquals(-44.631, gainDb(lp, 6000), 0.05);
    }

    @Test
    void lowShelfRaisesTheBassAndLeavesTheTreble() {
        Consumer<float[]> shelf = x -> Biquad.lowShelf(300, 6, RATE).filter(x);
        assertEquals(6.0, gainDb(shelf, 20), 0.1);
        assertEquals(3.0, gainDb(shelf, 300), 0.02);
        assertEquals(0.0, gainDb(shelf, 6000), 0.05);
    }

    @Test
    void highShelfCutsTheTrebleAndLeavesTheBass() {
        Consumer<float[]> shelf = x -> Biquad.highShelf(2000, -9, RATE).filter(x);
        assertEquals(0.0, gainDb(shelf, 50), 0.05);
        assertEquals(-4.5, gainDb(shelf, 2000), 0.02);
        assertEquals(-9.0, gainDb(shelf, 7900), 0.3);
    }

    @Test
    void computedResponseAgreesWithTheFilteredSine() {
        Biquad shelf = Biquad.highShelf(2000, -9, RATE);
        Biquad lowPass = Biquad.lowPass(1000, 0.7, RATE);
        for (double hz : new double[] {100, 1000, 2000, 5000}) {
            assertEquals(gainDb(x -> shelf.filter(x), hz), 20 * Math.log10(shelf.gainAt(hz, RATE)), 0.02, hz + " Hz");
            assertEquals(
                    gainDb(x -> lowPass.filter(x), hz), 20 * Math.log10(lowPass.gainAt(hz, RATE)), 0.02, hz + " Hz");
        }
    }

    @Test
    void refusesCornersOutsideTheBand() {
        assertThrows(IllegalArgumentException.class, () -> Biquad.lowPass(8000, 0.7, RATE));
        assertThrows(IllegalArgumentException.class, () -> Biquad.highShelf(0, 3, RATE));
    }

    /** Gain of {@code filter} at {@code hz}: RMS of the last second of a 2-s sine, out over in, in dB. */
    private static double gainDb(Consumer<float[]> filter, double hz) {
        float[] in = Signals.sine(hz, 0.5, RATE, 2 * RATE);
        float[] out = in.clone();
        filter.accept(out);
        return 20 * Math.log10(rms(out) / rms(in));
    }

    private static double rms(float[] x) {
        double sum = 0;
        for (int i = x.length / 2; i < x.length; i++) {
            sum += (double) x[i] * x[i];
        }
        return Math.sqrt(sum / (x.length - x.length / 2));
    }
}
