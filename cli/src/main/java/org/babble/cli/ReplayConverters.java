package org.babble.cli;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.babble.core.capture.ReplaySpeed;
import picocli.CommandLine;

/** Parsers for the options of a rehearsal with {@code --from FILE}, shared by {@code record} and {@code monitor}. */
final class ReplayConverters {
    private ReplayConverters() {}

    /** {@code --speed 1|max}: real time, or as fast as the machine goes. */
    static final class Speed implements CommandLine.ITypeConverter<ReplaySpeed> {
        @Override
        public ReplaySpeed convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "1", "1x", "realtime" -> ReplaySpeed.REALTIME;
                case "max" -> ReplaySpeed.MAX;
                default -> throw new CommandLine.TypeConversionException("'" + value + "' must be 1 or max");
            };
        }
    }

    /** {@code --start-time}: ISO local time ({@code 2026-11-21T03:58:24}) or a chunk name's ({@code 2026-11-21T03-58-24}). */
    static final class StartTime implements CommandLine.ITypeConverter<LocalDateTime> {
        private static final DateTimeFormatter CHUNK_NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss");

        @Override
        public LocalDateTime convert(String value) {
            try {
                return LocalDateTime.parse(value);
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(value, CHUNK_NAME);
                } catch (DateTimeParseException again) {
                    throw new CommandLine.TypeConversionException(
                            "'" + value + "' is not a time like 2026-11-21T03:58:24");
                }
            }
        }
    }
}
