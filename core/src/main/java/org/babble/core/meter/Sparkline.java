package org.babble.core.meter;

/**
 * One line of block characters showing how loud a clip is over time (RMS per segment, -60 to 0 dBFS), so a person
 * labelling over ssh without speakers can still tell a burst from an empty room.
 */
public final class Sparkline {
    private static final char[] BARS = {' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};
    /** Levels at or below this show as a blank. */
    public static final double FLOOR_DB = -60;

    private Sparkline() {}

    /** {@code width} characters, each the RMS level of an equal share of {@code samples}. */
    public static String render(float[] samples, int width) {
        if (width <= 0) {
            throw new IllegalArgumentException("width must be positive, got " + width);
        }
        StringBuilder line = new StringBuilder(width);
        for (int i = 0; i < width; i++) {
            int from = (int) ((long) samples.length * i / width);
            int to = (int) ((long) samples.length * (i + 1) / width);
            LevelMeter meter = new LevelMeter();
            meter.add(samples, from, to);
            line.append(bar(meter.level().rmsDb()));
        }
        return line.toString();
    }

    static char bar(double db) {
        if (!(db > FLOOR_DB)) {
            return BARS[0];
        }
        double fraction = Math.min(1, (db - FLOOR_DB) / -FLOOR_DB);
        int index = 1 + (int) Math.min(BARS.length - 2, Math.floor(fraction * (BARS.length - 1)));
        return BARS[index];
    }
}
