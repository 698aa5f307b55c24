package org.babble.core.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The tabulated window agrees with the Bessel series to well below a float's resolution, and is zero outside. */
class KaiserWindowTest {
    private static final double BETA = 0.1102 * (125 - 8.7);

    @Test
    void interpolatedValuesMatchTheSeries() {
        KaiserWindow window = new KaiserWindow(BETA, 1 << 14);
        double i0Beta = KaiserWindow.besselI0(BETA);
        double worst = 0;
        for (int i = 0; i < 100_000; i++) {
            double r = -1 + 2 * (i + 0.37) / 100_000;
            double exact = KaiserWindow.besselI0(BETA * Math.sqrt(1 - r * r)) / i0Beta;
            worst = Math.max(worst, Math.abs(window.at(r) - exact));
        }
        assertEquals(0, worst, 1e-7);
        assertEquals(1, window.at(0), 1e-12);
    }

    @Test
    void zeroAtAndBeyondTheEdges() {
        KaiserWindow window = new KaiserWindow(BETA, 1 << 14);
        assertEquals(0, window.at(1));
        assertEquals(0, window.at(-1.5));
    }

    @Test
    void theSeriesMatchesAKnownValue() {
        // I0(1) = 1.2660658777520082 (Abramowitz and Stegun, table 9.8)
        assertEquals(1.2660658777520082, KaiserWindow.besselI0(1), 1e-15);
    }
}
