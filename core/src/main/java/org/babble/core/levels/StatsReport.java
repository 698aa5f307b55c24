package org.babble.core.levels;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Lays {@link LevelStats} out exactly as {@code sox FILE -n stats} does (column widths, "k"/"M" sample counts, "-"
 * where sox prints one), so people who compare against sox or parse its report with scripts can switch.
 */
public final class StatsReport {
    private StatsReport() {}

    /** The report, lines ending in {@code \n}. */
    public static String format(LevelStats stats) {
        StringBuilder out = new StringBuilder();
        List<ChannelLevels> channels = stats.channelCount() > 1 ? stats.channels() : List.of();
        if (channels.size() == 2) {
            out.append("             Overall     Left      Right\n");
        } else if (!channels.isEmpty()) {
            out.append("             Overall");
            for (int i = 0; i < channels.size(); i++) {
                out.append(String.format(Locale.ROOT, "     Ch%-3d", i + 1));
            }
            out.append('\n');
        }
        row(out, "DC offset ", stats, channels, c -> c.dcOffset(), " ", 9, 6);
        row(out, "Min level ", stats, channels, c -> c.minLevel(), " ", 9, 6);
        row(out, "Max level ", stats, channels, c -> c.maxLevel(), " ", 9, 6);
        row(out, "Pk lev dB ", stats, channels, c -> c.peakDb(), "", 10, 2);
        row(out, "RMS lev dB", stats, channels, c -> c.rmsDb(), "", 10, 2);
        row(out, "RMS Pk dB ", stats, channels, c -> c.rmsPeakDb(), "", 10, 2);
        row(out, "RMS Tr dB ", stats, channels, c -> c.rmsTroughDb(), "", 10, 2);
        out.append("Crest factor ")
                .append(
                        Double.isNaN(stats.overall().crestFactor())
                                ? "      -"
                                : fixed(stats.overall().crestFactor(), 7, 2));
        for (ChannelLevels c : channels) {
            out.append(fixed(c.crestFactor(), 10, 2));
        }
        out.append('\n');
        out.append("Flat factor").append(fixed(stats.overall().flatFactor(), 9, 2));
        for (ChannelLevels c : channels) {
            out.append(' ').append(fixed(c.flatFactor(), 9, 2));
        }
        out.append('\n');
        out.append("Pk count   ").append(pad(sigfigs3(stats.overall().peakCount()), 9));
        for (ChannelLevels c : channels) {
            out.append(' ').append(pad(sigfigs3(c.peakCount()), 9));
        }
        out.append('\n');
        out.append("Bit-depth      ").append(bitDepth(stats.overall()));
        for (ChannelLevels c : channels) {
            out.append("     ").append(bitDepth(c));
        }
        out.append('\n');
        out.append("Num samples")
                .append(pad(sigfigs3((double) stats.samples()), 9))
                .append('\n');
        out.append("Length s   ").append(fixed(stats.lengthSeconds(), 9, 3)).append('\n');
        out.append("Scale max  ").append(fixed(stats.scaleMax(), 9, 6)).append('\n');
        out.append("Window s   ").append(fixed(stats.windowSeconds(), 9, 3)).append('\n');
        return out.toString();
    }

    private static void row(
            StringBuilder out,
            String label,
            LevelStats stats,
            List<ChannelLevels> channels,
            ToDoubleFunction<ChannelLevels> field,
            String gap,
            int width,
            int decimals) {
        out.append(label).append(gap).append(fixed(field.applyAsDouble(stats.overall()), width, decimals));
        for (ChannelLevels c : channels) {
            out.append(gap).append(fixed(field.applyAsDouble(c), width, decimals));
        }
        out.append('\n');
    }

    private static String bitDepth(ChannelLevels c) {
        return String.format(Locale.ROOT, "%2d/%-2d", c.bitDepth(), c.bitPrecision());
    }

    /** C's {@code %W.Df} (glibc), including its "inf", "-inf" and "nan" spellings. */
    static String fixed(double value, int width, int decimals) {
        String text;
        if (Double.isNaN(value)) {
            text = "nan";
        } else if (Double.isInfinite(value)) {
            text = value > 0 ? "inf" : "-inf";
        } else {
            // C rounds the exact binary value half-to-even (-0.7578125 prints as -0.757812) and keeps the sign of
            // values that round to zero
            String digits = new BigDecimal(Math.abs(value))
                    .setScale(decimals, RoundingMode.HALF_EVEN)
                    .toPlainString();
            boolean negative = value < 0 || (value == 0 && 1 / value < 0);
            text = negative ? "-" + digits : digits;
        }
        return pad(text, width);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }

    /**
     * A count to three significant figures with an SI suffix, as sox prints sample counts: 2, 9.50, 33.1k, 110k, 5.76M.
     */
    static String sigfigs3(double number) {
        if (number == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(number).round(new MathContext(3, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < 0 || exponent >= 27) {
            return String.format(Locale.ROOT, "%.3g", number);
        }
        if (exponent < 3) {
            BigDecimal fixed = rounded.setScale(2 - exponent, RoundingMode.HALF_EVEN);
            return fixed.stripTrailingZeros().scale() <= 0
                    ? fixed.toBigInteger().toString()
                    : fixed.toPlainString();
        }
        int digits = rounded.movePointLeft(exponent - 2).intValueExact();
        char suffix = " kMGTPEZY".charAt(exponent / 3);
        return switch (exponent % 3) {
            case 0 -> String.format(Locale.ROOT, "%d.%02d%c", digits / 100, digits % 100, suffix);
            case 1 -> String.format(Locale.ROOT, "%d.%d%c", digits / 10, digits % 10, suffix);
            default -> digits + String.valueOf(suffix);
        };
    }
}
