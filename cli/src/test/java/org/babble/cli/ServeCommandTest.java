package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavWriter;
import org.babble.core.features.FeatureLayout;
import org.babble.core.frozen.FrozenModelWriter;
import org.babble.testing.Signals;
import org.babble.testing.TinyModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code babble serve} and {@code monitor --http} on the command line: refusals, and a page served while monitoring. */
class ServeCommandTest {
    private static final Pattern SERVING = Pattern.compile("serving the page on (http://\\S+/)");

    @TempDir
    Path dir;

    @Test
    void aPageOpenToTheNetworkWithoutATokenIsAUsageError() throws Exception {
        CliRun open = CliRun.of("serve", "--bind", "0.0.0.0").expectExit(ExitCode.USAGE);
        assertTrue(open.err().contains("--token-file"), open.err());
        Path shortToken = Files.writeString(dir.resolve("token"), "letmein\n");
        CliRun weak = CliRun.of("serve", "--bind", "0.0.0.0", "--token-file", shortToken.toString())
                .expectExit(ExitCode.USAGE);
        assertTrue(weak.err().contains("at least 16"), weak.err());
        CliRun stray = CliRun.of("monitor", "--bind", "0.0.0.0").expectExit(ExitCode.USAGE);
        assertTrue(stray.err().contains("--http"), stray.err());
    }

    @Test
    void aMissingDatabaseOrTokenFileIsOneLine() {
        CliRun none = CliRun.of("serve", "--db", dir.resolve("none.db").toString(), "--port", "0")
                .expectExit(ExitCode.FAILED);
        assertTrue(none.err().contains("no such database"), none.err());
        assertEquals(1, none.err().strip().lines().count(), none.err());
        CliRun token = CliRun.of("serve", "--token-file", dir.resolve("absent").toString())
                .expectExit(ExitCode.FAILED);
        assertTrue(token.err().contains("token file"), token.err());
        assertEquals(1, token.err().strip().lines().count(), token.err());
    }

    @Test
    void monitorWithHttpServesItsOwnDatabaseWhileListening() throws Exception {
        Path model = dir.resolve("model.babble");
        FrozenModelWriter.write(model, TinyModels.tones(), TinyModels.metadata(TinyModels.LABELS, FeatureLayout.FLAT));
        int rate = TinyModels.SAMPLE_RATE;
        Path wav = dir.resolve("tone.wav");
        WavWriter.write(wav, AudioClip.mono(rate, Signals.sine(TinyModels.LOW_HZ, 0.3, rate, 6 * rate)));
        CliThread monitor = CliThread.start(
                "monitor",
                "--model",
                model.toString(),
                "--from",
                wav.toString(),
                "--speed",
                "1",
                "--db",
                dir.resolve("babble.db").toString(),
                "--http",
                "0");
        URI page = URI.create(monitor.await(SERVING, Duration.ofSeconds(10)));
        HttpClient http = HttpClient.newHttpClient();
        JsonNode now = null;
        for (int i = 0; i < 100; i++) { // until the first window is stored
            String body = http.send(
                            HttpRequest.newBuilder(page.resolve("/api/now")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            now = new ObjectMapper().readTree(body);
            if (now.has("window")) {
                break;
            }
            Thread.sleep(50);
        }
        assertTrue(now.get("listening").asBoolean(), now.toString());
        assertTrue(now.has("window"), now.toString());
        assertEquals(ExitCode.OK, monitor.exitCode(Duration.ofSeconds(30)), monitor.err());
    }
}
