package org.babble.core.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.babble.core.evaluate.Confusion;
import org.babble.core.io.AtomicFiles;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * PNG plots of a run in place of tensorboard: {@code accuracy.png} and {@code cross_entropy.png} over steps (training
 * batches and validation), and {@code confusion.png}, a heatmap of a confusion matrix.
 */
public final class TrainingPlots {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;

    private TrainingPlots() {}

    /** Draws the curves from the train dir's log. */
    public static void curves(Path trainDir) {
        List<JsonNode> log = TrainingLog.read(trainDir);
        TreeMap<Integer, JsonNode> steps = new TreeMap<>();
        TreeMap<Integer, JsonNode> validations = new TreeMap<>();
        for (JsonNode line : log) {
            String type = line.path("type").asText();
            if ("step".equals(type)) {
                steps.put(line.get("step").asInt(), line);
            } else if ("validation".equals(type)) {
                validations.put(line.get("step").asInt(), line);
            }
        }
        XYSeries trainAccuracy = new XYSeries("training batch");
        XYSeries validationAccuracy = new XYSeries("validation");
        XYSeries crossEntropy = new XYSeries("training batch");
        steps.forEach((step, line) -> {
            trainAccuracy.add(step.doubleValue(), 100 * line.get("accuracy").asDouble());
            crossEntropy.add(step.doubleValue(), line.get("crossEntropy").asDouble());
        });
        validations.forEach((step, line) -> validationAccuracy.add(
                step.doubleValue(), 100 * line.get("accuracy").asDouble()));
        XYSeriesCollection accuracy = new XYSeriesCollection(trainAccuracy);
        accuracy.addSeries(validationAccuracy);
        save(
                ChartFactory.createXYLineChart(
                        "Accuracy", "step", "accuracy (%)", accuracy, PlotOrientation.VERTICAL, true, false, false),
                trainDir.resolve("accuracy.png"));
        save(
                ChartFactory.createXYLineChart(
                        "Cross entropy",
                        "step",
                        "cross entropy",
                        new XYSeriesCollection(crossEntropy),
                        PlotOrientation.VERTICAL,
                        true,
                        false,
                        false),
                trainDir.resolve("cross_entropy.png"));
    }

    /** A heatmap of {@code confusion}: rows (y) are the truth, columns (x) the prediction; shade is the row share. */
    public static void confusion(Confusion confusion, String title, Path file) {
        int n = confusion.labels().size();
        double[] x = new double[n * n];
        double[] y = new double[n * n];
        double[] z = new double[n * n];
        long[][] counts = confusion.counts();
        for (int truth = 0; truth < n; truth++) {
            long rowTotal = 0;
            for (long c : counts[truth]) {
                rowTotal += c;
            }
            for (int predicted = 0; predicted < n; predicted++) {
                int i = truth * n + predicted;
                x[i] = predicted;
                y[i] = n - 1 - truth;
                z[i] = rowTotal == 0 ? 0 : counts[truth][predicted] / (double) rowTotal;
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("confusion", new double[][] {x, y, z});
        String[] labels = confusion.labels().toArray(String[]::new);
        String[] reversed = new String[n];
        for (int i = 0; i < n; i++) {
            reversed[i] = labels[n - 1 - i];
        }
        SymbolAxis xAxis = new SymbolAxis("predicted", labels);
        SymbolAxis yAxis = new SymbolAxis("true", reversed);
        XYBlockRenderer renderer = new XYBlockRenderer();
        LookupPaintScale scale = new LookupPaintScale(0, 1.0001, Color.WHITE);
        for (int step = 0; step <= 20; step++) {
            float shade = 1f - step / 20f;
            scale.add(step / 20.0, new Color(shade, shade, 1f));
        }
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        JFreeChart chart = new JFreeChart(title, plot);
        chart.removeLegend();
        NumberAxis legendAxis = new NumberAxis("share of true class");
        legendAxis.setRange(0, 1);
        chart.addSubtitle(new PaintScaleLegend(scale, legendAxis));
        save(chart, file);
    }

    private static void save(JFreeChart chart, Path file) {
        AtomicFiles.writePng(file, chart.createBufferedImage(WIDTH, HEIGHT));
    }
}
