package org.babble.core.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.babble.core.io.AtomicFiles;
import org.babble.core.monitor.store.EpisodeRow;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * The report's pictures, drawn with JFreeChart: daily minutes of one label (the talk's "Daily Cry Minutes (30-Day)")
 * and one night's timeline with each episode as a bar on its label's row.
 */
public final class ReportCharts {
    /** Width and height of each chart in the PNG; the file stacks them. */
    public static final int WIDTH = 1000;

    public static final int CHART_HEIGHT = 420;

    private static final Color BAR = new Color(0xC0392B);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:00", Locale.ROOT);

    private ReportCharts() {}

    /** Bars of minutes per day for {@code label}, from a {@link Granularity#DAY} report. */
    public static JFreeChart dailyMinutes(List<MinutesRow> daily, String label) {
        DefaultCategoryDataset dataset = bars(daily, label, DAY);
        return minuteBars("Daily " + label + " minutes (" + dataset.getColumnCount() + "-day)", "day", dataset);
    }

    /** Bars of minutes per hour of {@code night} for {@code label}, from a {@link Granularity#HOUR} report. */
    public static JFreeChart hourlyMinutes(List<MinutesRow> hourly, String label, Night night) {
        return minuteBars(label + " minutes per hour, night of " + night.evening(), "hour", bars(hourly, label, HOUR));
    }

    private static DefaultCategoryDataset bars(List<MinutesRow> rows, String label, DateTimeFormatter bucketName) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (MinutesRow row : rows) {
            if (row.label().equals(label)) {
                dataset.addValue(row.minutes(), label, row.bucket().format(bucketName));
            }
        }
        return dataset;
    }

    private static JFreeChart minuteBars(String title, String axis, DefaultCategoryDataset dataset) {
        JFreeChart chart = ChartFactory.createBarChart(
                title, axis, "minutes", dataset, PlotOrientation.VERTICAL, false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setSeriesPaint(0, BAR);
        renderer.setShadowVisible(false);
        return chart;
    }

    /** One night's episodes as bars on a time axis, a row per label ({@code labels} in display order). */
    public static JFreeChart nightTimeline(List<EpisodeRow> episodes, Night night, List<String> labels) {
        XYIntervalSeries series = new XYIntervalSeries("episodes");
        for (EpisodeRow e : episodes) {
            int row = labels.indexOf(e.label());
            if (row < 0) {
                continue;
            }
            double start = (double) e.start().toEpochMilli();
            double end = Math.max((double) e.end().orElse(e.start()).toEpochMilli(), start + 1000);
            series.add(start, start, end, row, row - 0.35, row + 0.35);
        }
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        dataset.addSeries(series);
        DateAxis time = new DateAxis("time (" + night.zone().getId() + ")");
        SimpleDateFormat hours = new SimpleDateFormat("HH:mm", Locale.ROOT);
        hours.setTimeZone(TimeZone.getTimeZone(night.zone()));
        time.setDateFormatOverride(hours);
        time.setTimeZone(TimeZone.getTimeZone(night.zone()));
        time.setRange(
                (double) night.start().toEpochMilli(), (double) night.end().toEpochMilli());
        SymbolAxis rows = new SymbolAxis("label", labels.toArray(String[]::new));
        rows.setGridBandsVisible(false);
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, BAR);
        XYPlot plot = new XYPlot(dataset, time, rows, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(
                "Night of " + night.evening() + " (" + episodes.size() + " episodes)",
                JFreeChart.DEFAULT_TITLE_FONT,
                plot,
                false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Draws the charts one above the other into one PNG, written atomically. */
    public static void writePng(Path file, List<JFreeChart> charts) {
        AtomicFiles.writePng(file, render(charts, WIDTH, CHART_HEIGHT));
    }

    /** Draws the charts one above the other, each {@code width} by {@code height}, on white. */
    public static BufferedImage render(List<JFreeChart> charts, int width, int height) {
        BufferedImage image = new BufferedImage(width, height * charts.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            for (int i = 0; i < charts.size(); i++) {
                charts.get(i).draw(g, new Rectangle2D.Double(0, i * height, width, height));
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
