package org.babble.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.babble.core.monitor.store.EpisodeRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportChartsTest {
    private static final ZoneId ZONE = ZoneId.of("UTC");

    @TempDir
    Path dir;

    @Test
    void writesAPngWithTheDailyChartAboveTheNightTimeline() throws Exception {
        System.setProperty("java.awt.headless", "true");
        Night night = new Night(LocalDate.parse("2026-11-20"), ZONE);
        List<EpisodeRow> episodes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Instant start = night.start().plusSeconds(9 * 3600 + i * 1800L);
            episodes.add(new EpisodeRow(
                    i, 1, i % 2 == 0 ? "crying" : "laughing", start, Optional.of(start.plusSeconds(300)), 0.9));
        }
        Instant from = night.start().minusSeconds(29 * 86400L + 12 * 3600);
        List<MinutesRow> daily = MinutesReport.compute(
                episodes, from, from.plusSeconds(30 * 86400L), ZONE, Granularity.DAY, Optional.of("crying"));
        Path png = dir.resolve("report.png");
        ReportCharts.writePng(
                png,
                List.of(
                        ReportCharts.dailyMinutes(daily, "crying"),
                        ReportCharts.nightTimeline(episodes, night, List.of("crying", "laughing"))));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(ReportCharts.WIDTH, image.getWidth());
        assertEquals(2 * ReportCharts.CHART_HEIGHT, image.getHeight());
        assertTrue(countRed(image, 0, ReportCharts.CHART_HEIGHT) > 0, "the daily chart has a crying bar");
        assertTrue(
                countRed(image, ReportCharts.CHART_HEIGHT, 2 * ReportCharts.CHART_HEIGHT) > 0,
                "the timeline marks episodes");
    }

    private static int countRed(BufferedImage image, int fromY, int toY) {
        int red = 0;
        for (int y = fromY; y < toY; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == 0xC0392B) {
                    red++;
                }
            }
        }
        return red;
    }
}
