package org.babble.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Times jobs in turns, round after round, so that other load on the machine slows them all alike, and keeps each job's
 * best time: other load only ever adds time. The first rounds warm up (JIT, workspace sizing) and do not count.
 */
final class TakingTurns {
    static final int WARM_UP_ROUNDS = 3;
    static final int TIMED_ROUNDS = 12;

    private TakingTurns() {}

    /** Best wall time of each job, seconds, in the order given. */
    static double[] best(List<Runnable> jobs) {
        double[] best = new double[jobs.size()];
        Arrays.fill(best, Double.MAX_VALUE);
        for (int round = 0; round < WARM_UP_ROUNDS + TIMED_ROUNDS; round++) {
            for (int i = 0; i < jobs.size(); i++) {
                long t0 = System.nanoTime();
                jobs.get(i).run();
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (round >= WARM_UP_ROUNDS) {
                    best[i] = Math.min(best[i], seconds);
                }
            }
        }
        return best;
    }
}
