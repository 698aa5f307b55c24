package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.babble.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * {@code evaluate --night} on the two shared nights with the nursery model, against a count made here from nothing but
 * the nights' CSVs and the episodes {@code classify} prints for the same recordings: the figures must agree, for the
 * frozen model and for the checkpoint it was frozen from.
 */
class EvaluateSharedNightsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TOLERANCE_MS = 750;
    private static final List<String> LABELS = List.of("crying", "laughing", "noise", "room_empty");

    private record Span(String label, double start, double end) {
        boolean near(Span o) {
            double tolerance = TOLERANCE_MS / 1000.0;
            return o.start < end + tolerance && o.end > start - tolerance;
        }
    }

    /** found, false alarms, truth seconds and recording seconds, per label, summed over the nights. */
    private static final class Count {
        int episodes;
        int found;
        int falseAlarms;
        double truthSeconds;
        double seconds;
    }

    private static List<Span> truth(Path csv) throws IOException {
        List<Span> spans = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) { // after the start_s,end_s,label header
            String[] f = line.split(",");
            spans.add(new Span(f[2].strip(), Double.parseDouble(f[0]), Double.parseDouble(f[1])));
        }
        return spans;
    }

    private static List<Span> classified(String model, Path wav) throws IOException {
        JsonNode result =
                JSON.readTree(CliRun.of("classify", "--model", model, "--format", "json", "-q", wav.toString())
                        .expectExit(0)
                        .out());
        List<Span> spans = new ArrayList<>();
        for (JsonNode e : result.get("episodes")) {
            spans.add(new Span(
                    e.get("label").asText(),
                    e.get("start_s").asDouble(),
                    e.get("end_s").asDouble()));
        }
        return spans;
    }

    @Test
    void theFiguresOfBothSharedNightsMatchACountFromTheirCsvAndClassify() throws IOException {
        Path raw = SharedData.require("raw");
        NurseryModel.Trained nursery = NurseryModel.get();
        String model = nursery.model().toString();
        List<Path> nights = List.of(raw.resolve("night-1.wav"), raw.resolve("night-2-24bit.wav"));
        Map<String, Count> counts = new LinkedHashMap<>();
        LABELS.forEach(l -> counts.put(l, new Count()));
        for (Path night : nights) {
            List<Span> truth = truth(raw.resolve(night.getFileName().toString().replace(".wav", ".csv")));
            List<Span> detected = classified(model, night);
            double length = truth.get(truth.size() - 1).end(); // the rows tile each night
            for (String label : LABELS) {
                Count c = counts.get(label);
                List<Span> mine =
                        truth.stream().filter(t -> t.label().equals(label)).toList();
                List<Span> fired =
                        detected.stream().filter(d -> d.label().equals(label)).toList();
                c.episodes += mine.size();
                c.found += (int) mine.stream()
                        .filter(t -> fired.stream().anyMatch(t::near))
                        .count();
                c.falseAlarms += (int) fired.stream()
                        .filter(d -> mine.stream().noneMatch(d::near))
                        .count();
                c.truthSeconds +=
                        mine.stream().mapToDouble(t -> t.end() - t.start()).sum();
                c.seconds += length;
            }
        }
        List<String> args = new ArrayList<>(
                List.of("evaluate", "--format", "json", "-q", "--tolerance-ms", Long.toString(TOLERANCE_MS)));
        for (Path night : nights) {
            args.addAll(List.of("--night", night.toString())); // the CSV beside each night is its truth
        }
        for (String source : List.of(model, nursery.trainDir().toString())) {
            List<String> run = new ArrayList<>(args);
            run.addAll(List.of("--model", source));
            JsonNode report = JSON.readTree(
                    CliRun.of(run.toArray(String[]::new)).expectExit(0).out());
            assertEquals(
                    120.0, report.get("recordings").get(0).get("duration_s").asDouble(), 0.01);
            assertEquals(60.0, report.get("recordings").get(1).get("duration_s").asDouble(), 0.01);
            assertEquals(LABELS.size(), report.get("labels").size());
            for (JsonNode figures : report.get("labels")) {
                String label = figures.get("label").asText();
                Count c = counts.get(label);
                String where = source + ", " + label + ": " + figures;
                assertEquals(c.episodes, figures.get("episodes").asInt(), where);
                assertEquals(c.found, figures.get("found").asInt(), where);
                assertEquals(c.episodes - c.found, figures.get("missed").asInt(), where);
                assertEquals(c.falseAlarms, figures.get("false_alarms").asInt(), where);
                double negativeHours = (c.seconds - c.truthSeconds) / 3600;
                assertEquals(negativeHours, figures.get("negative_hours").asDouble(), 1e-6, where);
                assertEquals(
                        c.falseAlarms / negativeHours,
                        figures.get("false_alarms_per_hour").asDouble(),
                        1e-3,
                        where);
                assertEquals(c.truthSeconds, figures.get("truth_s").asDouble(), 1e-6, where);
            }
        }
        Count crying = counts.get("crying");
        assertEquals(4, crying.episodes);
        assertTrue(crying.found >= 3, "the nursery model finds the cries of its own clips: " + crying.found + " of 4");
    }
}
