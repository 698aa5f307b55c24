package org.babble.cli.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.babble.core.monitor.store.EpisodeRow;
import org.babble.core.monitor.store.LiveState;
import org.babble.core.monitor.store.RunRow;
import org.babble.core.monitor.store.WindowRow;
import org.babble.core.report.ChartLabels;
import org.babble.core.report.Granularity;
import org.babble.core.report.MinutesReport;
import org.babble.core.report.MinutesRow;
import org.babble.core.report.Night;

/**
 * The JSON behind the page ({@code docs/serve.md} lists it): what is happening now, the episodes of a period, minutes
 * per day and per hour. Times are ISO-8601 with the server's offset, so a phone in the same house shows them as they
 * are. Nothing here names a file: the model is given by its file name only, kept audio by episode id and piece.
 */
final class JsonApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final NightStore store;
    private final ZoneId zone;

    JsonApi(NightStore store, ZoneId zone) {
        this.store = store;
        this.zone = zone;
    }

    /** The label a request means: its {@code label} parameter, else the latest run's first sound. */
    String label(Query query, List<RunRow> runs) {
        return query.text("label").orElse(ChartLabels.firstSound(runs).orElse("crying"));
    }

    /** The night a request means: its {@code night} parameter, else the night of the latest event. */
    Night night(Query query) {
        return query.date("night")
                .map(d -> new Night(d, zone))
                .orElseGet(() -> Night.containing(store.latest(Instant.now()), zone));
    }

    ObjectNode now(Query query) {
        LiveState live = store.live();
        String label = label(query, live.run().stream().toList());
        ObjectNode node = JSON.createObjectNode();
        node.put("listening", live.listening());
        node.put("label", label);
        node.put(
                "version",
                live.lastEpisode() + "-"
                        + live.window().map(w -> w.end().toEpochMilli()).orElse(0L) + "-"
                        + live.openEpisodes().size());
        live.run().ifPresent(run -> {
            node.put("model", Path.of(run.model()).getFileName().toString());
            node.put("run_started", time(run.started()));
            ArrayNode labels = node.putArray("labels");
            run.labels().forEach(labels::add);
        });
        Optional<WindowRow> window = live.window();
        window.ifPresent(w -> {
            ObjectNode wn = node.putObject("window");
            wn.put("start", time(w.start()));
            wn.put("end", time(w.end()));
            wn.put("top_label", w.topLabel());
            wn.put("top_score", round(w.topScore()));
            if (Double.isFinite(w.levelDb())) {
                wn.put("level_db", Math.round(w.levelDb() * 10) / 10.0);
            }
            ObjectNode scores = wn.putObject("scores");
            List<String> labels = live.run().orElseThrow().labels();
            for (int i = 0; i < labels.size(); i++) {
                scores.put(labels.get(i), round(w.scores()[i]));
            }
        });
        Instant heard = window.map(WindowRow::end).orElse(Instant.now());
        ArrayNode open = node.putArray("open");
        for (EpisodeRow e : live.openEpisodes()) {
            ObjectNode en = open.addObject();
            en.put("id", e.id());
            en.put("label", e.label());
            en.put("start", time(e.start()));
            en.put("seconds", e.duration(heard).toMillis() / 1000.0);
            en.put("peak", round(e.peakScore()));
            if (e.label().equals(label)) {
                node.set("episode", en.deepCopy());
            }
        }
        if (!node.has("episode")) {
            node.putNull("episode");
        }
        return node;
    }

    ArrayNode episodes(Query query) {
        Night night = night(query);
        Instant from = query.instant("from", zone).orElse(night.start());
        Instant to = query.instant("to", zone).orElse(night.end());
        if (!to.isAfter(from)) {
            throw new Query.BadRequest("to must be after from");
        }
        int limit = query.integer("limit", 200, 1, 5000);
        List<EpisodeRow> all = store.episodes(from, to);
        // the newest ones: a phone shows a page of them, and a restless night must not make every poll heavier
        List<EpisodeRow> episodes = all.subList(Math.max(0, all.size() - limit), all.size());
        NightStore.Annotations notes = store.annotations(episodes);
        ArrayNode array = JSON.createArrayNode();
        for (EpisodeRow e : episodes) {
            ObjectNode node = array.addObject();
            node.put("id", e.id());
            node.put("label", e.label());
            node.put("start", time(e.start()));
            node.put("end", time(e.end().orElse(e.start())));
            node.put("seconds", e.duration(e.end().orElse(e.start())).toMillis() / 1000.0);
            node.put("peak", round(e.peakScore()));
            node.put("audio_pieces", notes.audioPieces().getOrDefault(e.id(), 0));
            var verdict = notes.verdicts().get(e.id());
            if (verdict == null) {
                node.putNull("verdict");
            } else {
                node.put("verdict", verdict.word());
            }
        }
        return array;
    }

    ObjectNode minutes(Query query) {
        int days = query.integer("days", 30, 1, 366);
        LocalDate until = query.date("until").orElse(LocalDate.now(zone));
        String label = label(query, store.runs());
        List<MinutesRow> rows = dailyMinutes(days, until, label);
        ObjectNode node = JSON.createObjectNode();
        node.put("label", label);
        ArrayNode array = node.putArray("days");
        for (MinutesRow r : rows) {
            ObjectNode day = array.addObject();
            day.put("day", r.bucket().toLocalDate().toString());
            day.put("minutes", Math.round(r.minutes() * 1000) / 1000.0);
        }
        return node;
    }

    ObjectNode hours(Query query) {
        Night night = night(query);
        String label = label(query, store.runs());
        ObjectNode node = JSON.createObjectNode();
        node.put("label", label);
        node.put("night", night.evening().toString());
        ArrayNode array = node.putArray("hours");
        for (MinutesRow r : hourlyMinutes(night, label)) {
            ObjectNode hour = array.addObject();
            hour.put("hour", r.bucket().format(HOUR));
            hour.put("minutes", Math.round(r.minutes() * 1000) / 1000.0);
        }
        return node;
    }

    List<MinutesRow> dailyMinutes(int days, LocalDate until, String label) {
        Instant start = until.minusDays(days - 1L).atStartOfDay(zone).toInstant();
        Instant end = until.plusDays(1).atStartOfDay(zone).toInstant();
        return MinutesReport.compute(store.episodes(start, end), start, end, zone, Granularity.DAY, Optional.of(label));
    }

    List<MinutesRow> hourlyMinutes(Night night, String label) {
        return MinutesReport.compute(
                store.episodes(night.start(), night.end()),
                night.start(),
                night.end(),
                zone,
                Granularity.HOUR,
                Optional.of(label));
    }

    private String time(Instant instant) {
        return instant.atZone(zone).toOffsetDateTime().toString();
    }

    private static double round(double score) {
        return Math.round(score * 10000) / 10000.0;
    }
}
