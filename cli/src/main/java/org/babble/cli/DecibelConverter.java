package org.babble.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads a level in decibels as {@code 45dB}, {@code -6 dB}, {@code -1dBFS} or a bare number; gives dB. Anything else is
 * a usage error showing the accepted forms.
 */
public final class DecibelConverter implements CommandLine.ITypeConverter<Double> {
    private static final Pattern DECIBELS = Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))\\s*(db|dbfs)?");

    @Override
    public Double convert(String value) {
        Matcher m = DECIBELS.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a level in dB: write it like 45dB or " + "-1dBFS");
        }
        return Double.parseDouble(m.group(1));
    }
}
