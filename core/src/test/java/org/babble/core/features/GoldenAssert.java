package org.babble.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

/** Compares computed features with a {@link GoldenTable}, naming the table, frame and bin of the worst mismatch. */
final class GoldenAssert {
    private GoldenAssert() {}

    /**
     * Every kept frame matches within {@code absolute + relativeToFrameMax * max|reference row|}: absolute for log
     * domains, relative-to-the-frame's-peak for power, where float rounding scales with the loudest bin.
     *
     * @return the largest error seen, in units of the allowed tolerance (for reporting margins)
     */
    static double assertMatches(GoldenTable golden, float[][] actual, double absolute, double relativeToFrameMax) {
        double worst = 0;
        String where = "";
        for (Map.Entry<Integer, double[]> row : golden.rows().entrySet()) {
            int frame = row.getKey();
            double[] expected = row.getValue();
            assertTrue(frame < actual.length, () -> golden.name() + ": no frame " + frame + " in " + actual.length);
            assertEquals(expected.length, actual[frame].length, () -> golden.name() + " frame " + frame + " width");
            double peak = 0;
            for (double v : expected) {
                peak = Math.max(peak, Math.abs(v));
            }
            double tolerance = absolute + relativeToFrameMax * peak;
            for (int bin = 0; bin < expected.length; bin++) {
                double error = Math.abs(actual[frame][bin] - expected[bin]) / tolerance;
                if (error > worst) {
                    worst = error;
                    where = "frame " + frame + " bin " + bin + ": expected " + expected[bin] + ", got "
                            + actual[frame][bin] + ", tolerance " + tolerance;
                }
            }
        }
        double result = worst;
        String detail = where;
        assertTrue(result <= 1, () -> golden.name() + " differs from the numpy reference at " + detail);
        System.out.printf("%s: worst error %.3g of tolerance%n", golden.name(), result);
        return result;
    }
}
