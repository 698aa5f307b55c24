package org.babble.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.babble.core.monitor.store.EpisodeRow;
import org.babble.core.monitor.store.MonitorDatabase;
import org.babble.core.monitor.store.RunRow;
import org.babble.core.report.ChartLabels;
import org.babble.core.report.Granularity;
import org.babble.core.report.MinutesReport;
import org.babble.core.report.MinutesRow;
import org.babble.core.report.Night;
import org.babble.core.report.ReportCharts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code babble report}: minutes per label per day (or per hour of a night) from a monitor database, and charts. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Minutes of each detected label per day (or per hour of one night) from babble monitor's database,",
            "and with --out a PNG: daily minutes of the label over the period and a timeline of one night."
        })
public final class ReportCommand implements Runnable {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @Option(names = "--db", defaultValue = "babble.db", description = "Monitor database (default: ${DEFAULT-VALUE}).")
    Path db;

    @Option(
            names = "--days",
            defaultValue = "30",
            description = "Days in the period, ending with --until (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--until", paramLabel = "DATE", description = "Last day of the period (default: today).")
    LocalDate until;

    @Option(
            names = "--label",
            description =
                    "Only this label (default: every detected label; the chart uses the model's first wanted word).")
    String label;

    @Option(
            names = "--by",
            defaultValue = "day",
            paramLabel = "day|hour",
            description = "day: minutes per day of the period; hour: minutes per hour of one night (--night).")
    Granularity by;

    @Option(
            names = "--night",
            paramLabel = "DATE",
            description = "The night starting on the evening of DATE (noon to noon), for --by hour and the timeline"
                    + " (default: the latest night with events).")
    LocalDate night;

    @Option(
            names = "--out",
            paramLabel = "PNG",
            description = "Also draw the daily chart and the night's timeline here.")
    Path out;

    @Mixin
    FormatMixin format;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if (days < 1) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--days must be at least 1, got " + days);
        }
        ZoneId zone = ZoneId.systemDefault();
        try (MonitorDatabase database = MonitorDatabase.openForReading(db)) {
            List<RunRow> runs = database.runs();
            Instant latest = database.latestEvent().orElse(Instant.now());
            Night chosenNight = night != null ? new Night(night, zone) : Night.containing(latest, zone);
            LocalDate lastDay = until != null ? until : LocalDate.now(zone);
            Instant periodStart =
                    lastDay.minusDays(days - 1L).atStartOfDay(zone).toInstant();
            Instant periodEnd = lastDay.plusDays(1).atStartOfDay(zone).toInstant();

            // Each range is read once, and only when the table or the chart needs it.
            List<EpisodeRow> periodEpisodes =
                    by == Granularity.DAY || out != null ? database.episodes(periodStart, periodEnd) : List.of();
            List<EpisodeRow> nightEpisodes = by == Granularity.HOUR || out != null
                    ? database.episodes(chosenNight.start(), chosenNight.end())
                    : List.of();
            List<MinutesRow> rows = by == Granularity.DAY
                    ? MinutesReport.compute(
                            periodEpisodes, periodStart, periodEnd, zone, by, Optional.ofNullable(label))
                    : MinutesReport.compute(
                            nightEpisodes,
                            chosenNight.start(),
                            chosenNight.end(),
                            zone,
                            by,
                            Optional.ofNullable(label));
            print(rows);

            if (out != null) {
                System.setProperty("java.awt.headless", "true");
                String chartLabel =
                        label != null ? label : ChartLabels.firstSound(runs).orElse(firstLabel(rows));
                List<MinutesRow> daily = MinutesReport.compute(
                        periodEpisodes, periodStart, periodEnd, zone, Granularity.DAY, Optional.of(chartLabel));
                ReportCharts.writePng(
                        out,
                        List.of(
                                ReportCharts.dailyMinutes(daily, chartLabel),
                                ReportCharts.nightTimeline(
                                        nightEpisodes, chosenNight, ChartLabels.timeline(runs, nightEpisodes))));
                spec.commandLine()
                        .getErr()
                        .println("babble: wrote " + out + " (daily " + chartLabel + " minutes, " + days
                                + " days; night of " + chosenNight.evening() + ")");
            }
        }
    }

    private void print(List<MinutesRow> rows) {
        PrintWriter w = spec.commandLine().getOut();
        String bucketName = by == Granularity.DAY ? "day" : "hour";
        switch (format.format) {
            case CSV -> {
                w.println(bucketName + ",label,minutes");
                rows.forEach(r -> w.printf(Locale.ROOT, "%s,%s,%.3f%n", bucket(r), r.label(), r.minutes()));
            }
            case JSON -> {
                ObjectMapper json = new ObjectMapper();
                ArrayNode array = json.createArrayNode();
                for (MinutesRow r : rows) {
                    ObjectNode node = array.addObject();
                    node.put(bucketName, bucket(r));
                    node.put("label", r.label());
                    node.put("minutes", Math.round(r.minutes() * 1000) / 1000.0);
                }
                w.println(array.toPrettyString());
            }
            case TEXT -> printTable(w, rows, bucketName);
        }
        w.flush();
    }

    private void printTable(PrintWriter w, List<MinutesRow> rows, String bucketName) {
        Map<String, Map<String, Double>> table = new LinkedHashMap<>();
        Set<String> labels = new LinkedHashSet<>();
        for (MinutesRow r : rows) {
            table.computeIfAbsent(bucket(r), k -> new LinkedHashMap<>()).put(r.label(), r.minutes());
            labels.add(r.label());
        }
        if (labels.isEmpty()) {
            w.println("no episodes in this period");
            return;
        }
        int first = by == Granularity.DAY ? 10 : 16;
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-" + first + "s", bucketName));
        labels.forEach(l -> header.append(String.format(Locale.ROOT, "  %10s", l)));
        w.println(header + "   (minutes)");
        table.forEach((bucket, perLabel) -> {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + first + "s", bucket));
            labels.forEach(l -> line.append(String.format(Locale.ROOT, "  %10.2f", perLabel.getOrDefault(l, 0.0))));
            w.println(line);
        });
    }

    private String bucket(MinutesRow r) {
        return by == Granularity.DAY
                ? r.bucket().toLocalDate().toString()
                : r.bucket().format(HOUR);
    }

    private static String firstLabel(List<MinutesRow> rows) {
        return rows.isEmpty() ? "crying" : rows.get(0).label();
    }
}
