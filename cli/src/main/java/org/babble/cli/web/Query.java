package org.babble.cli.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A request's query parameters, parsed once; a malformed value is a {@link BadRequest} naming the parameter. */
final class Query {
    private static final int MAX_LENGTH = 2048;

    private final Map<String, String> values = new HashMap<>();

    Query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        if (raw.length() > MAX_LENGTH) {
            throw new BadRequest("query string too long");
        }
        for (String pair : raw.split("&", -1)) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                values.put(
                        URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new BadRequest("malformed query string");
            }
        }
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isEmpty());
    }

    int integer(String name, int fallback, int min, int max) {
        Optional<String> raw = text(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw new BadRequest(name + " must be " + min + ".." + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a whole number");
        }
    }

    Optional<LocalDate> date(String name) {
        try {
            return text(name).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " must be a date like 2026-11-20");
        }
    }

    /** A time as {@code 2026-11-20T21:00:00+01:00}, {@code ...Z}, or a date meaning its local midnight. */
    Optional<Instant> instant(String name, ZoneId zone) {
        Optional<String> raw = text(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String value = raw.get();
        try {
            if (value.length() == 10) {
                return Optional.of(LocalDate.parse(value).atStartOfDay(zone).toInstant());
            }
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " must be a date or a time like 2026-11-20T21:00:00Z");
        }
    }

    /** A request the server cannot answer as asked: answered 400 with this message. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }
}
