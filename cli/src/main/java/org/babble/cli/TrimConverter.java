package org.babble.cli;

import org.babble.core.clean.CleanSettings;
import picocli.CommandLine;

/** Reads {@code --trim START,LENGTH}, both durations ({@code 0,10s}, {@code 1.5s,500ms}). */
public final class TrimConverter implements CommandLine.ITypeConverter<CleanSettings.Trim> {
    @Override
    public CleanSettings.Trim convert(String value) {
        String[] parts = value.split(",", -1);
        if (parts.length != 2) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not START,LENGTH: write it like 0,10s");
        }
        double length = DurationConverter.seconds(parts[1]);
        if (length <= 0) {
            throw new CommandLine.TypeConversionException(
                    "trim LENGTH must be longer than 0 s, got '" + parts[1] + "'");
        }
        return new CleanSettings.Trim(DurationConverter.seconds(parts[0]), length);
    }
}
