package org.babble.cli.web;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.List;
import org.babble.core.monitor.store.EpisodeRow;
import org.babble.core.monitor.store.RunRow;
import org.babble.core.report.ChartLabels;
import org.babble.core.report.Night;
import org.babble.core.report.ReportCharts;

/**
 * The page's charts, drawn on the server with {@code babble report}'s own charts, so the page shows what the PNG report
 * shows and needs no script library: the night's timeline, minutes per day, minutes per hour of a night. {@code w}
 * sets the width (a phone asks for less than a laptop).
 */
final class ChartImages {
    private final NightStore store;
    private final JsonApi api;

    ChartImages(NightStore store, JsonApi api) {
        this.store = store;
        this.api = api;
    }

    BufferedImage draw(String path, Query query) {
        int width = query.integer("w", 800, 240, 2000);
        int height = Math.max(200, width * 2 / 5);
        List<RunRow> runs = store.runs();
        Night night = api.night(query);
        String label = api.label(query, runs);
        return switch (path) {
            case "/chart/night.png" -> {
                List<EpisodeRow> episodes = store.episodes(night.start(), night.end());
                yield ReportCharts.render(
                        List.of(ReportCharts.nightTimeline(episodes, night, ChartLabels.timeline(runs, episodes))),
                        width,
                        height);
            }
            case "/chart/days.png" -> {
                int days = query.integer("days", 30, 1, 366);
                LocalDate until = query.date("until").orElse(LocalDate.now(night.zone()));
                yield ReportCharts.render(
                        List.of(ReportCharts.dailyMinutes(api.dailyMinutes(days, until, label), label)), width, height);
            }
            case "/chart/hours.png" ->
                ReportCharts.render(
                        List.of(ReportCharts.hourlyMinutes(api.hourlyMinutes(night, label), label, night)),
                        width,
                        height);
            default -> throw new IllegalArgumentException("no chart at " + path);
        };
    }
}
