package org.babble.core.train;

import org.nd4j.linalg.factory.Nd4j;

/**
 * How many threads ND4J may use while a network trains. Each step's batch is featurised and varied on a pool of its
 * own while the network fits the previous one, so ND4J's threads and the pool share the cores. A small network gains
 * nothing from a second ND4J thread (the default, about 3.5 million multiply-adds a clip: 53.8 ms a step on one
 * thread, 57.7 ms on two, in {@code bench/peer/train-step.sh} on an idle 2-core machine), and its waiting threads take
 * the core the pool needs: with one ND4J thread, 200 steps of the speech defaults took 16.0–16.6 s instead of 22–24 s
 * there, and of the nursery defaults 15.1 s instead of 18–19 s. A large network, such as TF's {@code conv} (200
 * million a clip), halves its step with two threads, so it keeps every core.
 */
final class Nd4jThreads {
    /** Forward multiply-adds per clip up to which a network trains on one ND4J thread. */
    static final long SMALL_NETWORK = 20_000_000;

    private Nd4jThreads() {}

    /** One ND4J thread for a network of {@code multiplyAddsPerClip} at most {@link #SMALL_NETWORK}, else all cores. */
    static int forNetwork(long multiplyAddsPerClip) {
        return multiplyAddsPerClip <= SMALL_NETWORK ? 1 : Runtime.getRuntime().availableProcessors();
    }

    /** Lets ND4J's own operations and its BLAS use {@code threads}. */
    static void use(int threads) {
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }
}
