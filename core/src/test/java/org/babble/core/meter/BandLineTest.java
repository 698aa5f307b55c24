package org.babble.core.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.babble.testing.Signals;
import org.junit.jupiter.api.Test;

class BandLineTest {
    private static final int RATE = 16000;

    @Test
    void aLowToneFillsTheLeftAndAHighOneTheRight() {
        String low = BandLine.render(Signals.sine(150, 0.3, RATE, RATE), RATE, 24);
        String high = BandLine.render(Signals.sine(5000, 0.3, RATE, RATE), RATE, 24);
        assertEquals(24, low.length());
        assertEquals('█', low.charAt(peak(low)));
        assertTrue(peak(low) < 6, low);
        assertTrue(peak(high) > 17, high);
        assertTrue(low.substring(18).isBlank(), "30 dB below a pure low tone, the top bands are blank: " + low);
    }

    @Test
    void silenceIsBlank() {
        assertTrue(BandLine.render(new float[RATE], RATE, 16).isBlank());
    }

    private static int peak(String line) {
        int best = 0;
        for (int i = 1; i < line.length(); i++) {
            if (line.charAt(i) > line.charAt(best)) {
                best = i;
            }
        }
        return best;
    }
}
