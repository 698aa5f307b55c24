package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavWriter;
import org.babble.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code label --web} as a command: one state file with {@code --interactive}, so a session started in the browser
 * goes on in the terminal and back, undo included; and its usage errors.
 */
class LabelWebCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SERVING = Pattern.compile("on (http://\\S+/)");
    private static final Pattern CSRF = Pattern.compile("name=\"babble-csrf\" content=\"([^\"]+)\"");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private Path clips() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        for (String name : List.of("kitchen_nohash_0", "kitchen_nohash_1", "nursery_nohash_0")) {
            WavWriter.write(in.resolve(name + ".wav"), AudioClip.mono(8000, Signals.sine(300, 0.3, 8000, 8000)));
        }
        return in;
    }

    /** A browser's turn: starts {@code label --web}, posts {@code path} with {@code body} (on the current clip), stops. */
    private String inBrowser(Path in, Path out, String path, String action) throws Exception {
        CliThread web = CliThread.start(
                "label",
                "--web",
                in.toString(),
                "--labels",
                "crying,room_empty",
                "--out",
                out.toString(),
                "--port",
                "0");
        try {
            URI base = URI.create(web.await(SERVING, PATIENCE));
            Matcher csrf = CSRF.matcher(get(base, "/"));
            assertTrue(csrf.find());
            JsonNode session = JSON.readTree(get(base, "/api/session"));
            String body = action.replace("ID", session.at("/clip/id").asText());
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(base.resolve(path))
                            .header("Content-Type", "application/json")
                            .header("X-Babble-Csrf", csrf.group(1))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
        } finally {
            web.close();
        }
        return web.err();
    }

    /** A terminal's turn: {@code label --interactive} with {@code keys} piped in. */
    private static CliRun inTerminal(Path in, Path out, String keys) {
        return CliRun.withStdin(
                        keys,
                        "label",
                        "--interactive",
                        in.toString(),
                        "--labels",
                        "crying,room_empty",
                        "--out",
                        out.toString(),
                        "--no-play")
                .expectExit(ExitCode.OK);
    }

    private String get(URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    @Test
    void aSessionMovesBetweenBrowserAndTerminalOnOneStateFile() throws Exception {
        Path in = clips();
        Path out = dir.resolve("out");
        String err = inBrowser(in, out, "/api/decide", "{\"clip\":ID,\"action\":\"label\",\"label\":\"crying\"}");
        assertTrue(Files.isRegularFile(out.resolve("crying/kitchen_nohash_0.wav")), err);
        assertTrue(err.contains("kitchen_nohash_0.wav -> crying/kitchen_nohash_0.wav"), err);
        assertTrue(err.contains("babble: crying: 1 clip from 1 recording"), err);

        CliRun terminal = inTerminal(in, out, "1\n2\n");
        assertTrue(terminal.err().contains("resuming: 1 decided before, 2 to go"), terminal.err());
        assertTrue(Files.isRegularFile(out.resolve("crying/kitchen_nohash_1.wav")));
        assertTrue(Files.isRegularFile(out.resolve("room_empty/nursery_nohash_0.wav")));

        String undone = inBrowser(in, out, "/api/undo", "{}");
        assertTrue(undone.contains("undone: nursery_nohash_0.wav (was room_empty)"), undone);
        assertFalse(Files.exists(out.resolve("room_empty/nursery_nohash_0.wav")), "the browser undid the terminal's");

        CliRun back = inTerminal(in, out, "u\nq\n");
        assertTrue(back.err().contains("undone: kitchen_nohash_1.wav (was crying)"), back.err());
        List<String> state = Files.readAllLines(out.resolve(LabelCommand.STATE_FILE));
        assertEquals(2, state.size(), "header and the browser's first decision: " + state);
        assertTrue(state.get(1).startsWith("label:crying\t"), state.get(1));
        assertTrue(Files.isRegularFile(in.resolve("kitchen_nohash_0.wav")), "inputs are copied, never moved");
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        Path in = clips();
        String out = dir.resolve("out").toString();
        CliRun noLabels =
                CliRun.of("label", "--web", in.toString(), "--out", out).expectExit(ExitCode.USAGE);
        assertTrue(noLabels.err().contains("--web needs --labels"), noLabels.err());
        CliRun both = CliRun.of(
                        "label", "--web", in.toString(), "--interactive", in.toString(), "--labels", "a", "--out", out)
                .expectExit(ExitCode.USAGE);
        assertTrue(both.err().contains("give only one"), both.err());
        CliRun open = CliRun.of(
                        "label",
                        "--web",
                        in.toString(),
                        "--labels",
                        "a",
                        "--out",
                        out,
                        "--bind",
                        "0.0.0.0",
                        "--port",
                        "0")
                .expectExit(ExitCode.USAGE);
        assertTrue(open.err().contains("--token-file"), open.err());
    }
}
