package org.babble.core.model.layers;

/**
 * ND4J's ReLU and its gradient gate on single floats, without branches: {@code x < 0 ? 0 : x} (negative zero and NaN
 * pass unchanged) and {@code output > 0 ? gradient : 0}. The JIT compiles float conditionals to branches, which the CPU
 * mispredicts on about half of a layer's values, costing several times the rest of the arithmetic; these work on the
 * bits instead and give the same bits for every input (tested on every float pattern class).
 */
final class Relu {
    private static final int INFINITY_BITS = 0x7F800000;

    private Relu() {}

    /** {@code x < 0 ? +0 : x}: clears the bits of negative values other than -0 and NaN. */
    static float apply(float x) {
        int bits = Float.floatToRawIntBits(x);
        int magnitude = bits & 0x7FFFFFFF;
        int negative = (bits >> 31) & (-magnitude >> 31) & ((magnitude - INFINITY_BITS - 1) >> 31);
        return Float.intBitsToFloat(bits & ~negative);
    }

    /** {@code output > 0 ? gradient : +0}: keeps the gradient where the output is positive (infinity included). */
    static float gate(float output, float gradient) {
        long belowOne = (Float.floatToRawIntBits(output) - 1) & 0xFFFFFFFFL;
        int positive = (int) ((belowOne - INFINITY_BITS) >> 63);
        return Float.intBitsToFloat(Float.floatToRawIntBits(gradient) & positive);
    }
}
