package org.babble.core.audio;

/**
 * The Kaiser window {@code I0(beta * sqrt(1 - r^2)) / I0(beta)} on {@code -1 < r < 1}, tabulated on a fine grid and
 * read by linear interpolation. Filter tables hold millions of taps; evaluating the Bessel series for each was most of
 * the cost of building one.
 */
final class KaiserWindow {
    private final double[] values;
    private final int points;

    KaiserWindow(double beta, int points) {
        this.points = points;
        this.values = new double[points + 2];
        double i0Beta = besselI0(beta);
        for (int i = 0; i <= points; i++) {
            double r = i / (double) points;
            values[i] = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
        }
        values[points + 1] = 0;
    }

    /** The window at {@code r}; 0 outside (-1, 1). */
    double at(double r) {
        double a = Math.abs(r);
        if (a >= 1) {
            return 0;
        }
        double x = a * points;
        int i = (int) x;
        double f = x - i;
        return values[i] + f * (values[i + 1] - values[i]);
    }

    /** Modified Bessel function of the first kind, order zero (power series; converges fast for Kaiser betas). */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double quarterSquare = x * x / 4;
        for (int k = 1; k < 500; k++) {
            term *= quarterSquare / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }
}
