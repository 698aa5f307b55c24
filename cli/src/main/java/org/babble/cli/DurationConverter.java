package org.babble.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads durations as people write them on a command line: {@code 30s}, {@code 8h}, {@code 1h30m}, {@code 500ms},
 * {@code 2.5s}, {@code 10.1sec}, {@code 2min}, or plain seconds ({@code 90}).
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)(ms|sec|s|min|m|h|d)?");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        Matcher m = PART.matcher(text);
        double seconds = 0;
        int at = 0;
        boolean any = false;
        while (at < text.length() && m.find(at) && m.start() == at) {
            double number = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            if (m.group(2) == null && (at != 0 || m.end() != text.length())) {
                any = false;
                break;
            }
            seconds += number
                    * switch (unit) {
                        case "ms" -> 0.001;
                        case "m", "min" -> 60;
                        case "h" -> 3600;
                        case "d" -> 86400;
                        default -> 1;
                    };
            at = m.end();
            any = true;
        }
        if (!any || at != text.length()) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a duration (e.g. 30s, 5m, 8h, 1h30m, 500ms)");
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /** The same, in seconds, for options that compute with lengths of audio. */
    public static double seconds(String value) {
        return parse(value).toNanos() / 1e9;
    }
}
