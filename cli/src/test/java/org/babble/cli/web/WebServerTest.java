package org.babble.cli.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.babble.core.monitor.store.MonitorDatabase;
import org.babble.core.monitor.store.Verdict;
import org.babble.core.monitor.store.Verdicts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page's server: what it answers, and whom it refuses. */
class WebServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "correct-horse-battery-staple";
    private static final Pattern CSRF = Pattern.compile("name=\"babble-csrf\" content=\"([^\"]+)\"");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> logged = new ArrayList<>();
    private NightFixture night;
    private WebServer server;

    @BeforeEach
    void writeNight() {
        night = NightFixture.write(dir);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private URI start(Optional<String> token) {
        server = WebServer.start(
                new WebSettings(InetAddress.getLoopbackAddress(), 0, token), night.db(), ZoneOffset.UTC, logged::add);
        return server.address();
    }

    private HttpResponse<String> get(URI base, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postVerdict(URI base, long id, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/episodes/" + id + "/verdict"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status of a JSON verdict {@code word} on episode {@code id}, sent with these extra headers. */
    private int verdict(URI base, long id, String word, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return postVerdict(base, id, "{\"verdict\":\"" + word + "\"}", all).statusCode();
    }

    private String csrf(URI base, String... headers) throws Exception {
        Matcher m = CSRF.matcher(get(base, "/", headers).body());
        assertTrue(m.find(), "the page embeds its anti-forgery secret");
        return m.group(1);
    }

    @Test
    void answersTheApiFromTheDatabase() throws Exception {
        URI base = start(Optional.empty());
        JsonNode now = JSON.readTree(get(base, "/api/now").body());
        assertFalse(now.get("listening").asBoolean(), "no monitor holds the file");
        assertEquals("crying", now.get("label").asText());
        assertEquals("nursery.babble", now.get("model").asText());
        assertEquals("2026-11-20T21:00:55Z", now.get("window").get("start").asText());

        JsonNode episodes = JSON.readTree(get(base, "/api/episodes").body());
        assertEquals(2, episodes.size());
        assertEquals("crying", episodes.get(0).get("label").asText());
        assertEquals(20.0, episodes.get(0).get("seconds").asDouble(), 1e-9);
        assertEquals(2, episodes.get(0).get("audio_pieces").asInt());
        assertEquals(0, episodes.get(1).get("audio_pieces").asInt());
        assertTrue(episodes.get(0).get("verdict").isNull());

        JsonNode newest = JSON.readTree(get(base, "/api/episodes?limit=1").body());
        assertEquals(1, newest.size());
        assertEquals("noise", newest.get(0).get("label").asText(), "the newest of the night");
        assertEquals(400, get(base, "/api/episodes?limit=0").statusCode());

        JsonNode none = JSON.readTree(get(base, "/api/episodes?from=2026-11-21T00:00:00Z&to=2026-11-22")
                .body());
        assertEquals(0, none.size());

        JsonNode minutes =
                JSON.readTree(get(base, "/api/minutes?days=3&until=2026-11-21").body());
        assertEquals(3, minutes.get("days").size());
        assertEquals("2026-11-20", minutes.get("days").get(1).get("day").asText());
        assertEquals(20 / 60.0, minutes.get("days").get(1).get("minutes").asDouble(), 1e-3);

        JsonNode hours = JSON.readTree(get(base, "/api/hours?night=2026-11-20").body());
        assertEquals(24, hours.get("hours").size());
        assertEquals(20 / 60.0, hours.get("hours").get(9).get("minutes").asDouble(), 1e-3, "21:00 is noon + 9 h");
    }

    @Test
    void drawsTheChartsAsPng() throws Exception {
        URI base = start(Optional.empty());
        for (String chart : List.of("/chart/night.png", "/chart/days.png?days=30", "/chart/hours.png?w=400")) {
            HttpResponse<byte[]> png = http.send(
                    HttpRequest.newBuilder(base.resolve(chart)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, png.statusCode(), chart);
            assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png.body(), 4), chart);
        }
        assertEquals(400, get(base, "/chart/night.png?w=99999").statusCode());
    }

    @Test
    void badParametersAreTheClientsFault() throws Exception {
        URI base = start(Optional.empty());
        assertEquals(400, get(base, "/api/minutes?days=0").statusCode());
        assertEquals(400, get(base, "/api/minutes?days=many").statusCode());
        assertEquals(400, get(base, "/api/episodes?from=yesterday").statusCode());
        assertEquals(
                400, get(base, "/api/episodes?from=2026-11-21&to=2026-11-20").statusCode());
        assertEquals(404, get(base, "/etc/passwd").statusCode());
        assertTrue(logged.isEmpty(), "client mistakes are not server failures: " + logged);
    }

    @Test
    void servesOnlyAudioTheDatabaseNames() throws Exception {
        URI base = start(Optional.empty());
        HttpResponse<byte[]> piece = http.send(
                HttpRequest.newBuilder(base.resolve("/api/episodes/" + night.cryingId() + "/audio/0"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, piece.statusCode());
        assertEquals("audio/wav", piece.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(Files.readAllBytes(night.keptPiece()), piece.body());

        assertEquals(
                404, get(base, "/api/episodes/" + night.cryingId() + "/audio/2").statusCode(), "no third piece");
        assertEquals(
                404, get(base, "/api/episodes/" + night.noiseId() + "/audio/0").statusCode(), "none kept");
        assertEquals(404, get(base, "/api/episodes/1/audio/..%2F..%2Fbabble.db").statusCode());
        assertEquals(
                404, get(base, "/api/episodes/1/audio/0/../../../babble.db").statusCode());
        Files.delete(night.keptPiece());
        assertEquals(
                404, get(base, "/api/episodes/" + night.cryingId() + "/audio/0").statusCode(), "file gone");
    }

    @Test
    void neverShowsTheMachinesPaths() throws Exception {
        URI base = start(Optional.empty());
        String where = dir.toString();
        for (String path : List.of("/", "/api/now", "/api/episodes", "/api/minutes", "/api/hours", "/nothing")) {
            String body = get(base, path).body();
            assertFalse(body.contains(where), path + " shows " + where);
        }
    }

    @Test
    void onLoopbackAnswersOnlyRequestsNamingThisMachine() throws Exception {
        URI base = start(Optional.empty());
        assertEquals(200, get(base, "/api/now").statusCode());
        assertEquals(200, rawStatus(base, "localhost:" + base.getPort()));
        assertEquals(403, rawStatus(base, "rebound.example.com:" + base.getPort()), "DNS rebinding");
    }

    @Test
    void verdictsNeedThePagesSecretAndAreStored() throws Exception {
        URI base = start(Optional.empty());
        long id = night.noiseId();
        assertEquals(403, verdict(base, id, "false_alarm"), "no secret");
        assertEquals(403, verdict(base, id, "false_alarm", WebAccess.CSRF_HEADER, "guess"));
        String secret = csrf(base);
        String csrf = WebAccess.CSRF_HEADER;
        assertEquals(
                403, verdict(base, id, "false_alarm", csrf, secret, "Origin", "http://evil.example"), "cross-site");
        String form = "{\"verdict\":\"false_alarm\"}";
        assertEquals(
                415,
                postVerdict(base, id, form, "Content-Type", "text/plain", csrf, secret)
                        .statusCode(),
                "a form post cannot be dressed as JSON");
        assertEquals(400, verdict(base, id, "maybe", csrf, secret));
        assertEquals(404, verdict(base, 999, "false_alarm", csrf, secret));
        assertEquals(0, storedVerdicts().size(), "nothing refused was stored");

        String origin = base.toString().replaceAll("/$", "");
        assertEquals(200, verdict(base, id, "false_alarm", csrf, secret, "Origin", origin));
        assertEquals(Verdict.FALSE_ALARM, storedVerdicts().get(id));
        JsonNode episodes = JSON.readTree(get(base, "/api/episodes").body());
        assertEquals("false_alarm", episodes.get(1).get("verdict").asText());

        assertEquals(200, verdict(base, id, "right", csrf, secret));
        assertEquals(Verdict.RIGHT, storedVerdicts().get(id), "a second verdict replaces the first");
    }

    @Test
    void withATokenEveryRequestMustShowIt() throws Exception {
        URI base = start(Optional.of(TOKEN));
        assertEquals(401, get(base, "/api/now").statusCode());
        assertEquals(401, get(base, "/api/episodes/1/audio/0").statusCode());
        assertEquals(
                401,
                get(base, "/api/now", "Authorization", "Bearer wrong-token-of-some-length")
                        .statusCode());
        assertEquals(
                200, get(base, "/api/now", "Authorization", "Bearer " + TOKEN).statusCode());
        HttpResponse<String> page = get(base, "/");
        assertEquals(303, page.statusCode(), "the page sends a stranger to the login form");
        assertEquals("/login", page.headers().firstValue("Location").orElse(""));
        assertTrue(get(base, "/login").body().contains("name=\"token\""));

        assertEquals(401, login(base, "token=nearly-" + TOKEN).statusCode());
        HttpResponse<String> in = login(base, "token=" + TOKEN);
        assertEquals(303, in.statusCode());
        String cookie = in.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        String session = cookie.substring(0, cookie.indexOf(';'));
        assertEquals(200, get(base, "/api/now", "Cookie", session).statusCode());
        assertEquals(
                401,
                get(base, "/api/now", "Cookie", WebAccess.SESSION_COOKIE + "=forged")
                        .statusCode());

        String secret = csrf(base, "Cookie", session);
        assertEquals(
                401,
                verdict(base, night.cryingId(), "right", WebAccess.CSRF_HEADER, secret),
                "the secret alone is not a login");
        assertEquals(200, verdict(base, night.cryingId(), "right", WebAccess.CSRF_HEADER, secret, "Cookie", session));
    }

    @Test
    void aPageOpenToTheNetworkNeedsALongToken() throws Exception {
        InetAddress any = InetAddress.getByName("0.0.0.0");
        IllegalArgumentException none =
                assertThrows(IllegalArgumentException.class, () -> new WebSettings(any, 0, Optional.empty()));
        assertTrue(none.getMessage().contains("--token-file"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WebSettings(any, 0, Optional.of("short")));
        assertTrue(new WebSettings(any, 0, Optional.of(TOKEN)).token().isPresent());
    }

    private HttpResponse<String> login(URI base, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(base.resolve("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private java.util.Map<Long, Verdict> storedVerdicts() {
        try (MonitorDatabase db = MonitorDatabase.openForReading(night.db())) {
            return Verdicts.ofIds(db, 0, Long.MAX_VALUE);
        }
    }

    /** The status of a GET of /api/now with a Host header of our choosing, which HttpClient does not allow. */
    private static int rawStatus(URI base, String host) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/now HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
