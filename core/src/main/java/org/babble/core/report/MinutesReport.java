package org.babble.core.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.babble.core.monitor.store.EpisodeRow;

/**
 * Minutes of each label per day or per hour, from stored episodes. An episode that crosses a bucket boundary (midnight,
 * an hour) is split, so every second is counted once, in the bucket it happened in. Every bucket of the period appears,
 * with zero where nothing was detected, so a chart or a spreadsheet shows the quiet days too.
 */
public final class MinutesReport {
    private MinutesReport() {}

    /**
     * Minutes of episodes per label and per bucket of {@code granularity}, in {@code zone}'s local time.
     *
     * @param from   first instant counted (inclusive), at a bucket boundary of {@code granularity}
     * @param to     end of the period (exclusive)
     * @param label  only this label; empty: every label that has episodes (sorted)
     */
    public static List<MinutesRow> compute(
            List<EpisodeRow> episodes,
            Instant from,
            Instant to,
            ZoneId zone,
            Granularity granularity,
            Optional<String> label) {
        TreeSet<String> labels = new TreeSet<>();
        label.ifPresent(labels::add);
        if (label.isEmpty()) {
            episodes.forEach(e -> labels.add(e.label()));
        }
        ChronoUnit unit = granularity == Granularity.DAY ? ChronoUnit.DAYS : ChronoUnit.HOURS;
        Map<LocalDateTime, Map<String, Double>> buckets = new LinkedHashMap<>();
        LocalDateTime first = bucketOf(from, zone, unit);
        for (LocalDateTime b = first; b.atZone(zone).toInstant().isBefore(to); b = b.plus(1, unit)) {
            Map<String, Double> perLabel = new LinkedHashMap<>();
            labels.forEach(l -> perLabel.put(l, 0.0));
            buckets.put(b, perLabel);
        }
        for (EpisodeRow episode : episodes) {
            if (!labels.contains(episode.label())) {
                continue;
            }
            Instant start = max(episode.start(), from);
            Instant end = min(episode.end().orElse(episode.start()), to);
            while (start.isBefore(end)) {
                LocalDateTime bucket = bucketOf(start, zone, unit);
                Instant bucketEnd = bucket.plus(1, unit).atZone(zone).toInstant();
                Instant pieceEnd = min(end, bucketEnd);
                double seconds = (pieceEnd.toEpochMilli() - start.toEpochMilli()) / 1000.0;
                Map<String, Double> perLabel = buckets.get(bucket);
                if (perLabel != null) {
                    perLabel.merge(episode.label(), seconds, Double::sum);
                }
                start = pieceEnd;
            }
        }
        List<MinutesRow> rows = new ArrayList<>();
        buckets.forEach((bucket, perLabel) -> perLabel.forEach((l, s) -> rows.add(new MinutesRow(bucket, l, s))));
        return rows;
    }

    private static LocalDateTime bucketOf(Instant instant, ZoneId zone, ChronoUnit unit) {
        return LocalDateTime.ofInstant(instant, zone).truncatedTo(unit);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
