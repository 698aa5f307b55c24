package org.babble.cli.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavWriter;
import org.babble.dataset.label.Annotation;
import org.babble.dataset.label.AnnotationFiles;
import org.babble.dataset.label.ClipFiles;
import org.babble.dataset.label.InteractiveSettings;
import org.babble.dataset.label.LabelSession;
import org.babble.dataset.label.LabelState;
import org.babble.testing.Signals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The labelling page's API over HTTP: what it does with a clip, what it refuses, and whom it refuses. */
class LabelWebApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "correct-horse-battery-staple";
    private static final Pattern CSRF = Pattern.compile("name=\"babble-csrf\" content=\"([^\"]+)\"");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> said = new ArrayList<>();
    private WebServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private LabelSession session() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        for (String name : List.of("alpha_nohash_0", "beta_nohash_0")) {
            WavWriter.write(in.resolve(name + ".wav"), AudioClip.mono(8000, Signals.sine(440, 0.3, 8000, 16000)));
        }
        Path out = dir.resolve("out");
        InteractiveSettings settings = new InteractiveSettings(List.of("crying", "room_empty"), out, false);
        return new LabelSession(
                settings, LabelState.load(out.resolve(".babble-label-state.tsv")), ClipFiles.list(in, out), Map.of());
    }

    private URI start(WebSettings settings) throws Exception {
        server = WebServer.start(settings, LabelPage.routes(session(), said::add), said::add);
        return server.address();
    }

    private URI startOnLoopback() throws Exception {
        return start(new WebSettings(InetAddress.getLoopbackAddress(), 0, Optional.empty()));
    }

    private String csrf(URI base, String... headers) throws Exception {
        HttpResponse<String> page = get(base, "/", headers);
        assertEquals(200, page.statusCode(), page.body());
        Matcher m = CSRF.matcher(page.body());
        assertTrue(m.find(), "the page embeds its anti-forgery secret");
        return m.group(1);
    }

    private HttpResponse<String> get(URI base, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI base, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aKeyLabelsTheCurrentClipAndUndoPutsItBack() throws Exception {
        URI base = startOnLoopback();
        String secret = csrf(base);
        JsonNode first = JSON.readTree(get(base, "/api/session").body());
        assertEquals("alpha_nohash_0.wav", first.at("/clip/name").asText());
        assertEquals(2.0, first.at("/clip/seconds").asDouble(), 1e-9);
        int id = first.at("/clip/id").asInt();
        assertEquals(200, get(base, "/api/clips/" + id + "/audio").statusCode());
        HttpResponse<byte[]> png = http.send(
                HttpRequest.newBuilder(base.resolve("/api/clips/" + id + "/picture.png"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));

        HttpResponse<String> labelled = post(
                base,
                "/api/decide",
                "{\"clip\":" + id + ",\"action\":\"label\",\"label\":\"crying\"}",
                WebAccess.CSRF_HEADER,
                secret);
        assertEquals(200, labelled.statusCode(), labelled.body());
        Path copy = dir.resolve("out/crying/alpha_nohash_0.wav");
        assertTrue(Files.isRegularFile(copy), "the clip is copied into its label's folder");
        assertTrue(Files.isRegularFile(dir.resolve("in/alpha_nohash_0.wav")), "the input stays where it was");
        JsonNode after = JSON.readTree(labelled.body());
        assertEquals("beta_nohash_0.wav", after.at("/clip/name").asText());
        assertEquals(1, after.at("/counts/crying").asInt());
        assertEquals(1, after.at("/census/0/sources").asInt());

        assertEquals(
                409,
                post(base, "/api/decide", "{\"clip\":" + id + ",\"action\":\"skip\"}", WebAccess.CSRF_HEADER, secret)
                        .statusCode(),
                "a decided clip is not the current one any more");
        HttpResponse<String> undone = post(base, "/api/undo", "{}", WebAccess.CSRF_HEADER, secret);
        assertEquals(200, undone.statusCode(), undone.body());
        assertFalse(Files.exists(copy), "undo removes the copy");
        assertEquals(
                "alpha_nohash_0.wav",
                JSON.readTree(undone.body()).at("/clip/name").asText());
        assertEquals(
                1,
                Files.readAllLines(dir.resolve("out/.babble-label-state.tsv")).size(),
                "only the state file's header is left");
        assertEquals(
                409,
                post(base, "/api/undo", "{}", WebAccess.CSRF_HEADER, secret).statusCode());
    }

    @Test
    void aDraggedRangeBecomesACsvRowThatTheAnnotationReaderReads() throws Exception {
        URI base = startOnLoopback();
        String secret = csrf(base);
        int id = JSON.readTree(get(base, "/api/session").body()).at("/clip/id").asInt();
        for (String range : List.of("1.25,1.9,\"room_empty\"", "0.5,1.0,\"crying\"", "0.5,1.0,\"crying\"")) {
            String[] f = range.split(",");
            HttpResponse<String> answer = post(
                    base,
                    "/api/ranges",
                    "{\"clip\":" + id + ",\"start\":" + f[0] + ",\"end\":" + f[1] + ",\"label\":" + f[2] + "}",
                    WebAccess.CSRF_HEADER,
                    secret);
            assertEquals(200, answer.statusCode(), answer.body());
        }
        Path csv = dir.resolve("out/alpha_nohash_0.csv");
        assertEquals(
                List.of("start,end,label", "0.500,1.000,crying", "1.250,1.900,room_empty"),
                Files.readAllLines(csv),
                "sorted by start, the repeated range once");
        List<Annotation> rows = AnnotationFiles.read(csv);
        assertEquals(2, rows.size());
        assertEquals("room_empty", rows.get(1).label());
        assertEquals(
                400,
                post(
                                base,
                                "/api/ranges",
                                "{\"clip\":" + id + ",\"start\":1.5,\"end\":9,\"label\":\"crying\"}",
                                WebAccess.CSRF_HEADER,
                                secret)
                        .statusCode(),
                "a range past the clip's end");
    }

    @Test
    void badClipIdsAndBodiesGetFourHundredsNotStackTraces() throws Exception {
        URI base = startOnLoopback();
        String secret = csrf(base);
        for (String path : List.of("/api/clips/99/audio", "/api/clips/99/picture.png")) {
            HttpResponse<String> answer = get(base, path);
            assertEquals(404, answer.statusCode(), path);
            assertEquals("no such clip", answer.body().strip());
        }
        assertEquals(404, get(base, "/api/clips/-1/audio").statusCode());
        assertEquals(404, get(base, "/api/clips/../../etc/passwd/audio").statusCode());
        assertEquals(404, get(base, "/api/clips/99999999999/audio").statusCode());
        assertEquals(405, get(base, "/api/decide").statusCode());
        for (String body : List.of(
                "{\"clip\":99,\"action\":\"skip\"}",
                "{\"clip\":\"x\",\"action\":\"skip\"}",
                "{\"clip\":0,\"action\":\"explode\"}",
                "{\"clip\":0,\"action\":\"label\",\"label\":\"../../etc\"}",
                "{\"clip\":0,\"action\":\"accept\"}",
                "not json",
                "[]")) {
            int status = post(base, "/api/decide", body, WebAccess.CSRF_HEADER, secret)
                    .statusCode();
            assertTrue(status >= 400 && status < 500, body + " -> " + status);
        }
        assertTrue(said.isEmpty(), "nothing was labelled and nothing failed inside: " + said);
        assertFalse(Files.exists(dir.resolve("out/crying")));
    }

    @Test
    void writesNeedTheAntiForgerySecret() throws Exception {
        URI base = startOnLoopback();
        int id = JSON.readTree(get(base, "/api/session").body()).at("/clip/id").asInt();
        String body = "{\"clip\":" + id + ",\"action\":\"label\",\"label\":\"crying\"}";
        assertEquals(403, post(base, "/api/decide", body).statusCode());
        assertEquals(
                403,
                post(base, "/api/decide", body, WebAccess.CSRF_HEADER, csrf(base), "Origin", "http://evil.example")
                        .statusCode());
        assertFalse(Files.exists(dir.resolve("out/crying")));
    }

    @Test
    void offLoopbackTheTokenIsRequired() throws Exception {
        URI base = start(new WebSettings(InetAddress.getByName("0.0.0.0"), 0, Optional.of(TOKEN)));
        URI local = URI.create("http://127.0.0.1:" + base.getPort() + "/");
        assertEquals(401, get(local, "/api/session").statusCode());
        assertEquals(401, get(local, "/api/clips/0/audio").statusCode());
        assertEquals(303, get(local, "/").statusCode(), "the page sends a stranger to log in");
        String bearer = "Bearer " + TOKEN;
        assertEquals(200, get(local, "/api/session", "Authorization", bearer).statusCode());
        assertEquals(
                401,
                get(local, "/api/session", "Authorization", "Bearer wrong-token-wrong-token")
                        .statusCode());
        String secret = csrf(local, "Authorization", bearer);
        String body = "{\"clip\":0,\"action\":\"label\",\"label\":\"crying\"}";
        assertEquals(
                401,
                post(local, "/api/decide", body, WebAccess.CSRF_HEADER, secret).statusCode());
        assertFalse(Files.exists(dir.resolve("out/crying")));
        assertEquals(
                200,
                post(local, "/api/decide", body, WebAccess.CSRF_HEADER, secret, "Authorization", bearer)
                        .statusCode());
        assertTrue(Files.exists(dir.resolve("out/crying/alpha_nohash_0.wav")));
    }
}
