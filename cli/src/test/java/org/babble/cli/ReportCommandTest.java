package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import javax.imageio.ImageIO;
import org.babble.core.monitor.store.MonitorDatabase;
import org.babble.core.monitor.store.RunInfo;
import org.babble.core.monitor.store.RunRecorder;
import org.babble.core.report.ReportCharts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    private static final LocalDate NIGHT = LocalDate.parse("2026-11-20");

    @TempDir
    Path dir;

    Path db;

    private static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(ZoneId.systemDefault()).toInstant();
    }

    /** Night of the 20th: 2.5 + 1.5 min crying (one across midnight), 0.5 min laughing; the 18th: 1 min crying. */
    @BeforeEach
    void knownEpisodes() {
        db = dir.resolve("babble.db");
        try (MonitorDatabase database = MonitorDatabase.openForWriting(db)) {
            RunRecorder run = database.startRun(new RunInfo(
                    "nursery.babble",
                    List.of("_silence_", "_unknown_", "crying", "laughing"),
                    "test",
                    "{}",
                    at(NIGHT, "20:00")));
            episode(run, "crying", at(NIGHT.minusDays(2), "22:00"), at(NIGHT.minusDays(2), "22:01"));
            episode(run, "crying", at(NIGHT, "21:00"), at(NIGHT, "21:02:30"));
            episode(run, "crying", at(NIGHT, "23:59:30"), at(NIGHT.plusDays(1), "00:01"));
            episode(run, "laughing", at(NIGHT.plusDays(1), "07:00"), at(NIGHT.plusDays(1), "07:00:30"));
            run.finish(at(NIGHT.plusDays(1), "08:00"), "end of input");
        }
    }

    private static void episode(RunRecorder run, String label, Instant start, Instant end) {
        run.closeEpisode(run.openEpisode(label, start, 0.9), start, end, 0.95);
    }

    @Test
    void csvHasOneRowPerDayAndLabelWithTheDatabasesMinutes() {
        String csv = CliRun.of(
                        "report", "--db", db.toString(), "--days", "5", "--until", "2026-11-22", "--format", "csv")
                .expectExit(ExitCode.OK)
                .out();
        List<String> lines = csv.lines().toList();
        assertEquals("day,label,minutes", lines.get(0));
        assertEquals(1 + 5 * 2, lines.size(), csv);
        assertTrue(lines.contains("2026-11-18,crying,1.000"), csv);
        assertTrue(lines.contains("2026-11-19,crying,0.000"), csv);
        assertTrue(lines.contains("2026-11-20,crying,3.000"), csv);
        assertTrue(lines.contains("2026-11-21,crying,1.000"), csv);
        assertTrue(lines.contains("2026-11-21,laughing,0.500"), csv);
    }

    @Test
    void jsonPerHourOfOneNightForOneLabel() throws Exception {
        String out = CliRun.of(
                        "report",
                        "--db",
                        db.toString(),
                        "--by",
                        "hour",
                        "--night",
                        "2026-11-20",
                        "--label",
                        "crying",
                        "--format",
                        "json")
                .expectExit(ExitCode.OK)
                .out();
        JsonNode rows = new ObjectMapper().readTree(out);
        assertEquals(24, rows.size());
        double total = 0;
        for (JsonNode row : rows) {
            assertEquals("crying", row.get("label").asText());
            total += row.get("minutes").asDouble();
        }
        assertEquals(4.0, total, 1e-9, "2.5 + 1.5 minutes of crying that night");
        assertEquals("2026-11-20 21:00", rows.get(9).get("hour").asText());
        assertEquals(2.5, rows.get(9).get("minutes").asDouble(), 1e-9);
    }

    @Test
    void textTableAndPngCharts() throws Exception {
        Path png = dir.resolve("report.png");
        CliRun run = CliRun.of(
                        "report",
                        "--db",
                        db.toString(),
                        "--days",
                        "30",
                        "--until",
                        "2026-11-22",
                        "--out",
                        png.toString())
                .expectExit(ExitCode.OK);
        assertTrue(run.out().lines().anyMatch(l -> l.matches("2026-11-20\\s+3\\.00\\s+0\\.00")), run.out());
        assertTrue(run.err().contains("night of 2026-11-20"), run.err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(ReportCharts.WIDTH, image.getWidth());
        assertEquals(2 * ReportCharts.CHART_HEIGHT, image.getHeight());
    }

    @Test
    void aMissingDatabaseIsOneLineAndExitOne() {
        CliRun run = CliRun.of("report", "--db", dir.resolve("nothing.db").toString())
                .expectExit(ExitCode.FAILED);
        assertTrue(run.err().startsWith("babble: ") && run.err().contains("no such database"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }
}
