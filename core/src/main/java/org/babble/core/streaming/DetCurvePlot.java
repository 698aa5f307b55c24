package org.babble.core.streaming;

import java.awt.Color;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.babble.core.io.AtomicFiles;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a sweep as a DET curve: episode miss rate against false alarms per hour on a log axis, the way wake-word
 * engines compare detectors. A rate of zero cannot sit on a log axis, so it is drawn at {@link #FLOOR_PER_HOUR}.
 */
public final class DetCurvePlot {
    /** Where a setting with no false alarm at all is drawn. */
    public static final double FLOOR_PER_HOUR = 0.01;

    private DetCurvePlot() {}

    public static void write(OperatingPointSweep sweep, OperatingPointSweep.Point chosen, Path png) {
        XYSeries frontier = new XYSeries("best settings");
        sweep.frontier().forEach(p -> frontier.add(x(p), 100 * p.figures().missRate()));
        XYSeries all = new XYSeries("every setting");
        sweep.points().forEach(p -> all.add(x(p), 100 * p.figures().missRate()));
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(frontier);
        data.addSeries(all);
        if (chosen != null) {
            XYSeries pick = new XYSeries("chosen");
            pick.add(x(chosen), 100 * chosen.figures().missRate());
            data.addSeries(pick);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(
                "DET: " + sweep.label(),
                "false alarms per hour",
                "episodes missed (%)",
                data,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        XYPlot plot = chart.getXYPlot();
        LogAxis log = new LogAxis("false alarms per hour (log; none drawn at " + FLOOR_PER_HOUR + ")");
        log.setSmallestValue(FLOOR_PER_HOUR / 2);
        // A fixed span of decades: jfreechart's automatic range collapses when every setting has the same rate.
        double highest =
                sweep.points().stream().mapToDouble(DetCurvePlot::x).max().orElse(1);
        log.setRange(FLOOR_PER_HOUR / 2, Math.max(10, highest * 2));
        log.setTickUnit(new NumberTickUnit(1)); // one tick a decade
        log.setNumberFormatOverride(new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        plot.setDomainAxis(log);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 100);
        plot.setBackgroundPaint(Color.WHITE);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(1, false);
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesLinesVisible(2, false);
        plot.setRenderer(renderer);
        AtomicFiles.writePng(png, chart.createBufferedImage(900, 500));
    }

    private static double x(OperatingPointSweep.Point p) {
        return Math.max(FLOOR_PER_HOUR, p.figures().falseAlarmsPerHour());
    }
}
