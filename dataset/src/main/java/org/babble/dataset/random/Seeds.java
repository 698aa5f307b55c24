package org.babble.dataset.random;

/**
 * Derives independent random seeds from (seed, a, b), so each example of each step draws the same numbers whichever
 * thread prepares it and in whatever order.
 */
public final class Seeds {
    private Seeds() {}

    public static long mix(long seed, long a, long b) {
        return finish(finish(finish(seed) ^ a) ^ b);
    }

    /** SplitMix64's finaliser: a bijection that spreads every input bit over the output. */
    private static long finish(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
