package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.babble.core.features.FeatureLayout;
import org.babble.core.frozen.FrozenModelWriter;
import org.babble.testing.TinyModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoCommandTest {
    @TempDir
    Path dir;

    private String model() {
        Path file = dir.resolve("model.babble");
        FrozenModelWriter.write(file, TinyModels.tones(), TinyModels.metadata(TinyModels.LABELS, FeatureLayout.FLAT));
        return file.toString();
    }

    @Test
    void textListsLabelsFeaturesAndProvenance() {
        String out = CliRun.of("info", model()).expectExit(ExitCode.OK).out();
        assertTrue(out.contains("labels:              _silence_, low, high\n"), out);
        assertTrue(out.contains("clip:                1000 ms at 8000 Hz (8000 samples)\n"), out);
        assertTrue(
                out.contains("features:            logmel, 20 bins, 30 ms windows every 20 ms, 20-4000 Hz, 20 mel"
                        + " channels\n"),
                out);
        assertTrue(out.contains("data:                synthetic-tones (120 files)\n"), out);
        assertTrue(out.contains("validation accuracy: 98.0%\n"), out);
        assertTrue(out.contains("test accuracy:       97.0%\n"), out);
        assertTrue(out.contains("training settings:   {\"architecture\":\"tiny-dense\"}"), out);
    }

    @Test
    void jsonCarriesEverything() throws IOException {
        JsonNode json = new ObjectMapper()
                .readTree(CliRun.of("info", "--format", "json", model())
                        .expectExit(ExitCode.OK)
                        .out());
        assertEquals("high", json.get("labels").get(2).asText());
        assertEquals(8000, json.get("featureSettings").get("sampleRate").asInt());
        assertEquals("FLAT", json.get("featureLayout").asText());
        assertEquals(0.97, json.get("provenance").get("testAccuracy").asDouble(), 1e-12);
    }

    @Test
    void aDamagedModelIsOneLineAndExitOne() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.babble"), "PK not really");
        CliRun run = CliRun.of("info", broken.toString()).expectExit(ExitCode.FAILED);
        assertEquals(1, run.err().lines().count(), run.err());
    }
}
