package org.babble.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.babble.core.monitor.store.EpisodeRow;
import org.junit.jupiter.api.Test;

class MinutesReportTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    private static EpisodeRow episode(String label, String start, String end) {
        return new EpisodeRow(0, 1, label, at(start), Optional.of(at(end)), 0.9);
    }

    @Test
    void sumsMinutesPerLabelPerDaySplittingAnEpisodeAtMidnightAndListingQuietDays() {
        List<EpisodeRow> episodes = List.of(
                episode("crying", "2026-11-20T21:00:00", "2026-11-20T21:02:30"),
                episode("crying", "2026-11-20T23:59:00", "2026-11-21T00:01:00"),
                episode("laughing", "2026-11-21T08:00:00", "2026-11-21T08:00:45"));
        List<MinutesRow> rows = MinutesReport.compute(
                episodes,
                at("2026-11-19T00:00:00"),
                at("2026-11-22T00:00:00"),
                ZONE,
                Granularity.DAY,
                Optional.empty());
        assertEquals(6, rows.size(), "3 days x 2 labels, quiet ones included: " + rows);
        assertEquals(0.0, minutes(rows, "2026-11-19T00:00", "crying"), 1e-9);
        assertEquals(3.5, minutes(rows, "2026-11-20T00:00", "crying"), 1e-9);
        assertEquals(1.0, minutes(rows, "2026-11-21T00:00", "crying"), 1e-9);
        assertEquals(0.75, minutes(rows, "2026-11-21T00:00", "laughing"), 1e-9);
    }

    @Test
    void perHourOfOneNightWithOneLabel() {
        Night night = new Night(LocalDate.parse("2026-11-20"), ZONE);
        List<EpisodeRow> episodes = List.of(
                episode("crying", "2026-11-20T21:50:00", "2026-11-20T22:20:00"),
                episode("laughing", "2026-11-20T22:00:00", "2026-11-20T22:10:00"),
                episode("crying", "2026-11-21T13:00:00", "2026-11-21T13:10:00"));
        List<MinutesRow> rows = MinutesReport.compute(
                episodes, night.start(), night.end(), ZONE, Granularity.HOUR, Optional.of("crying"));
        assertEquals(24, rows.size());
        assertEquals(10.0, minutes(rows, "2026-11-20T21:00", "crying"), 1e-9);
        assertEquals(20.0, minutes(rows, "2026-11-20T22:00", "crying"), 1e-9);
        assertEquals(
                30.0, rows.stream().mapToDouble(MinutesRow::minutes).sum(), 1e-9, "next afternoon is not this night");
    }

    @Test
    void aNightRunsFromNoonToNoonAndAnEarlyMorningBelongsToTheEveningBefore() {
        Instant threeAm = ZonedDateTime.of(2026, 11, 21, 3, 0, 0, 0, ZONE).toInstant();
        Night night = Night.containing(threeAm, ZONE);
        assertEquals(LocalDate.parse("2026-11-20"), night.evening());
        assertEquals(at("2026-11-20T12:00:00"), night.start());
        assertEquals(at("2026-11-21T12:00:00"), night.end());
    }

    private static double minutes(List<MinutesRow> rows, String bucket, String label) {
        return rows.stream()
                .filter(r -> r.bucket().toString().equals(bucket) && r.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + bucket + " " + label))
                .minutes();
    }
}
