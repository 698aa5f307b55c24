package org.babble.cli.mqtt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Minutes of the monitored label's episodes since local midnight of the audio clock, the "Cry minutes today" sensor.
 * An episode that crosses midnight counts only its part after it; the count starts again when the clock passes
 * midnight. Times are audio time, so a replay with {@code --start-time} counts the night it replays.
 */
final class CryMinutes {
    private final ZoneId zone;
    private LocalDate day;
    private long closedMs;

    /** Starts on the day of {@code now} with {@code earlierMs} already counted (earlier runs in the database). */
    CryMinutes(ZoneId zone, Instant now, long earlierMs) {
        this.zone = zone;
        this.day = LocalDate.ofInstant(now, zone);
        this.closedMs = earlierMs;
    }

    /** Local midnight that starts the day of {@code now}. */
    static Instant midnight(Instant now, ZoneId zone) {
        return LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
    }

    /** Moves to the day of {@code now}; true when that is a new day (the count went back to what today holds). */
    boolean advance(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (!today.isAfter(day)) {
            return false;
        }
        day = today;
        closedMs = 0;
        return true;
    }

    /** Counts a finished episode's part within the current day. */
    void add(Instant start, Instant end) {
        closedMs += overlapMs(start, end);
    }

    /** Today's minutes, counting an episode still open since {@code openSince} up to {@code now}. */
    double minutes(Instant openSince, Instant now) {
        long open = openSince == null ? 0 : overlapMs(openSince, now);
        return (closedMs + open) / 60_000.0;
    }

    private long overlapMs(Instant start, Instant end) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        long ms = Math.min(end.toEpochMilli(), to.toEpochMilli()) - Math.max(start.toEpochMilli(), from.toEpochMilli());
        return Math.max(0, ms);
    }
}
