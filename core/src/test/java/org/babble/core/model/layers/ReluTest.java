package org.babble.core.model.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link Relu}'s bit tricks give the bits of the plain float conditionals they replace. */
class ReluTest {
    /**
     * Every sign and exponent, with the lowest mantissas, the highest and a few between: the tricks only compare
     * against zero, infinity and the NaNs, whose boundaries all lie among these.
     */
    @Test
    void matchesTheConditionalsOnEveryKindOfFloat() {
        int[] lows = {0, 1, 2, 0x5A5A, 0x7FFF, 0x8000, 0xFFFE, 0xFFFF};
        float gradient = -3.7f;
        for (int high = 0; high <= 0xFFFF; high++) {
            for (int low : lows) {
                int bits = high << 16 | low;
                float x = Float.intBitsToFloat(bits);
                assertEquals(
                        Float.floatToRawIntBits(x < 0f ? 0f : x),
                        Float.floatToRawIntBits(Relu.apply(x)),
                        () -> "apply " + Integer.toHexString(bits));
                assertEquals(
                        Float.floatToRawIntBits(x > 0f ? gradient : 0f),
                        Float.floatToRawIntBits(Relu.gate(x, gradient)),
                        () -> "gate " + Integer.toHexString(bits));
            }
        }
        float nan = Float.intBitsToFloat(0x7FC12345);
        assertEquals(0x7FC12345, Float.floatToRawIntBits(Relu.gate(1f, nan)), "a NaN gradient passes as it is");
    }
}
