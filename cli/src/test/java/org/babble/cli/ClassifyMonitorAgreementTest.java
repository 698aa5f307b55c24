package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavWriter;
import org.babble.core.features.FeatureLayout;
import org.babble.core.frozen.FrozenModelWriter;
import org.babble.testing.Signals;
import org.babble.testing.TinyModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording scores the same whether a parent replays it to the monitor or classifies the file. */
class ClassifyMonitorAgreementTest {
    private static final int RATE = 16000; // twice the model's rate, and stereo: both paths resample and mix down
    private static final String START = "2026-11-20T21:00:00";

    @TempDir
    Path dir;

    @Test
    void classifyAndMonitorFromGiveEveryWindowTheSameScores() throws Exception {
        Path model = dir.resolve("model.babble");
        FrozenModelWriter.write(model, TinyModels.tones(), TinyModels.metadata(TinyModels.LABELS, FeatureLayout.FLAT));
        float[] left = Signals.noise(0.003, 3, 30 * RATE);
        float[] tone = Signals.sine(TinyModels.LOW_HZ, 0.3, RATE, 30 * RATE);
        float[] chirp = Signals.chirp(200, 3000, 0.2, RATE, 30 * RATE);
        for (int i = 5 * RATE; i < 12 * RATE; i++) {
            left[i] += tone[i];
        }
        float[] right = Signals.noise(0.01, 4, 30 * RATE);
        for (int i = 18 * RATE; i < 25 * RATE; i++) {
            right[i] += chirp[i];
        }
        Path night = dir.resolve("night.wav");
        WavWriter.write(night, new AudioClip(RATE, new float[][] {left, right}));

        String json = CliRun.of(
                        "classify", "--model", model.toString(), "--hop", "0.5", "--format", "json", night.toString())
                .expectExit(ExitCode.OK)
                .out();
        Map<Long, JsonNode> classified = new HashMap<>();
        for (JsonNode w : new ObjectMapper().readTree(json).get("windows")) {
            classified.put(Math.round(w.get("start_s").asDouble() * 1000), w);
        }
        Path db = dir.resolve("night.db");
        CliRun.of(
                        "monitor",
                        "--model",
                        model.toString(),
                        "--from",
                        night.toString(),
                        "--speed",
                        "max",
                        "--start-time",
                        START,
                        "--hop",
                        "0.5",
                        "--db",
                        db.toString())
                .expectExit(ExitCode.OK);

        long origin = LocalDateTime.parse(START)
                .atZone(ZoneId.systemDefault())
                .toInstant()
                .toEpochMilli();
        int compared = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT start_ms, top_label, top_score, scores FROM windows")) {
            while (rows.next()) {
                long startMs = rows.getLong(1) - origin;
                JsonNode w = classified.get(startMs);
                assertTrue(w != null, "classify has no window at " + startMs + " ms: " + classified.keySet());
                assertEquals(w.get("top_label").asText(), rows.getString(2), "window at " + startMs + " ms");
                assertEquals((float) w.get("score").asDouble(), rows.getFloat(3), 0f, "window at " + startMs + " ms");
                JsonNode stored = new ObjectMapper().readTree(rows.getString(4));
                for (String label : TinyModels.LABELS) {
                    // the database keeps five decimals of every score
                    String rounded = String.format(
                            Locale.ROOT, "%.5f", w.get("scores").get(label).floatValue());
                    assertEquals(
                            Double.parseDouble(rounded),
                            stored.get(label).asDouble(),
                            0,
                            label + " at " + startMs + " ms");
                }
                compared++;
            }
        }
        assertEquals(59, compared, "a 1-s window every 0.5 s over 30 s, all of them scored alike");
        assertEquals(compared, classified.size(), "classify has the same windows (the recording ends on a hop)");
    }
}
