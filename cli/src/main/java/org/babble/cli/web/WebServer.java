package org.babble.cli.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.babble.core.BabbleException;
import org.babble.core.monitor.store.Verdict;

/**
 * The parent's page: a small HTTP server (the JDK's own, so the Pi runtime needs no extra library) over a monitor
 * database. It serves the page, its JSON ({@link JsonApi}), charts drawn on the server ({@link ChartImages}, so the page
 * needs no script library and no internet), kept episode audio by id, and takes "right" / "false alarm" verdicts.
 * Every request passes {@link WebAccess} first.
 */
public final class WebServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern AUDIO = Pattern.compile("/api/episodes/(\\d{1,18})/audio/(\\d{1,4})");
    private static final Pattern VERDICT = Pattern.compile("/api/episodes/(\\d{1,18})/verdict");
    private static final int MAX_BODY = 4096;
    /** Kept pieces are clip-length WAVs; anything far larger in their place is not served. */
    private static final long MAX_AUDIO_BYTES = 256L << 20;

    private final HttpServer server;
    private final ExecutorService threads;
    private final NightStore store;
    private final WebAccess access;
    private final JsonApi api;
    private final ChartImages charts;
    private final Consumer<String> log;

    private WebServer(WebSettings settings, Path database, ZoneId zone, Consumer<String> log) throws IOException {
        this.store = new NightStore(database);
        this.access = new WebAccess(settings);
        this.api = new JsonApi(store, zone);
        this.charts = new ChartImages(store, api);
        this.log = log;
        this.server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 16);
        this.threads = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "babble-web");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
    }

    /**
     * Starts serving {@code database} (which must exist; a monitor may be writing it); {@code log} hears server-side
     * failures, which the client is told only as "internal error".
     */
    public static WebServer start(WebSettings settings, Path database, ZoneId zone, Consumer<String> log) {
        System.setProperty("java.awt.headless", "true");
        WebServer web;
        try {
            web = new WebServer(settings, database, zone, log);
        } catch (IOException e) {
            throw new BabbleException(
                    null,
                    "cannot listen on " + settings.bind().getHostAddress() + ":" + settings.port() + ": "
                            + e.getMessage(),
                    "choose another --port, or stop what uses it");
        }
        web.server.start();
        return web;
    }

    /** Where the page is, e.g. {@code http://127.0.0.1:8080/}. */
    public URI address() {
        InetSocketAddress at = server.getAddress();
        String host = at.getAddress().isLoopbackAddress()
                ? "127.0.0.1"
                : at.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + at.getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        store.close();
    }

    private void handle(HttpExchange exchange) {
        try {
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            exchange.getResponseHeaders()
                    .set(
                            "Content-Security-Policy",
                            "default-src 'self'; img-src 'self'; media-src 'self'; frame-ancestors 'none'");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            route(exchange);
        } catch (Query.BadRequest e) {
            text(exchange, 400, e.getMessage());
        } catch (BabbleException | IllegalStateException e) {
            log.accept("web: " + e.getMessage());
            text(exchange, 500, "internal error");
        } catch (IOException e) {
            // the client went away mid-answer; nothing to tell anyone
        } finally {
            exchange.close(); // after the catches: a failure is answered before the exchange closes
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        boolean reading = method.equals("GET") || method.equals("HEAD");
        if (path.equals("/login")) {
            login(exchange, reading);
            return;
        }
        Optional<WebAccess.Denial> denial = reading
                ? access.readDenial(exchange.getRequestHeaders())
                : access.writeDenial(exchange.getRequestHeaders());
        if (denial.isPresent()) {
            if (denial.get().status() == 401 && path.equals("/")) {
                exchange.getResponseHeaders().set("Location", "/login");
                send(exchange, 303, "text/plain", new byte[0]);
            } else {
                text(exchange, denial.get().status(), denial.get().reason());
            }
            return;
        }
        Query query = new Query(exchange.getRequestURI().getRawQuery());
        Matcher verdict = VERDICT.matcher(path);
        if (!reading) {
            if (method.equals("POST") && verdict.matches()) {
                verdict(exchange, Long.parseLong(verdict.group(1)));
            } else {
                text(exchange, 405, "not allowed");
            }
            return;
        }
        Matcher audio = AUDIO.matcher(path);
        switch (path) {
            case "/" -> page(exchange, "index.html", "text/html; charset=utf-8");
            case "/app.js" -> page(exchange, "app.js", "text/javascript; charset=utf-8");
            case "/style.css" -> page(exchange, "style.css", "text/css; charset=utf-8");
            case "/api/now" -> json(exchange, api.now(query));
            case "/api/episodes" -> json(exchange, api.episodes(query));
            case "/api/minutes" -> json(exchange, api.minutes(query));
            case "/api/hours" -> json(exchange, api.hours(query));
            case "/chart/night.png", "/chart/days.png", "/chart/hours.png" -> png(exchange, path, query);
            default -> {
                if (audio.matches()) {
                    audio(exchange, Long.parseLong(audio.group(1)), Integer.parseInt(audio.group(2)));
                } else {
                    text(exchange, 404, "not found");
                }
            }
        }
    }

    private void login(HttpExchange exchange, boolean reading) throws IOException {
        if (!access.needsLogin()) {
            exchange.getResponseHeaders().set("Location", "/");
            send(exchange, 303, "text/plain", new byte[0]);
            return;
        }
        if (reading) {
            page(exchange, "login.html", "text/html; charset=utf-8");
            return;
        }
        String offered = new Query(body(exchange)).text("token").orElse("");
        Optional<String> session = access.login(offered);
        if (session.isEmpty()) {
            pause(); // a wrong guess costs time, so guessing a token over the network is hopeless
            text(exchange, 401, "wrong token");
            return;
        }
        exchange.getResponseHeaders()
                .add(
                        "Set-Cookie",
                        WebAccess.SESSION_COOKIE + "=" + session.get() + "; Path=/; HttpOnly; SameSite=Strict");
        exchange.getResponseHeaders().set("Location", "/");
        send(exchange, 303, "text/plain", new byte[0]);
    }

    private void verdict(HttpExchange exchange, long episode) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            text(exchange, 415, "send application/json");
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(body(exchange));
        } catch (IOException e) {
            throw new Query.BadRequest("the body is not JSON");
        }
        String word =
                body != null && body.hasNonNull("verdict") ? body.get("verdict").asText() : "";
        Verdict verdict =
                Verdict.of(word).orElseThrow(() -> new Query.BadRequest("verdict must be right or false_alarm"));
        if (!store.mark(episode, verdict, Instant.now())) {
            text(exchange, 404, "no such episode");
            return;
        }
        json(exchange, JSON.createObjectNode().put("id", episode).put("verdict", verdict.word()));
    }

    private void audio(HttpExchange exchange, long episode, int piece) throws IOException {
        Optional<Path> file = store.audio(episode, piece);
        if (file.isEmpty() || !Files.isRegularFile(file.get()) || Files.size(file.get()) > MAX_AUDIO_BYTES) {
            text(exchange, 404, "no kept audio for this episode");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "audio/wav");
        exchange.sendResponseHeaders(200, Files.size(file.get()));
        if (!exchange.getRequestMethod().equals("HEAD")) {
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(file.get(), out);
            }
        }
    }

    private void png(HttpExchange exchange, String path, Query query) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(charts.draw(path, query), "png", bytes);
        send(exchange, 200, "image/png", bytes.toByteArray());
    }

    private void page(HttpExchange exchange, String name, String type) throws IOException {
        byte[] bytes;
        try (InputStream in = WebServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the page resource " + name);
            }
            bytes = in.readAllBytes();
        }
        if (name.endsWith(".html")) {
            bytes = new String(bytes, StandardCharsets.UTF_8)
                    .replace("{{csrf}}", access.csrfSecret())
                    .getBytes(StandardCharsets.UTF_8);
        }
        send(exchange, 200, type, bytes);
    }

    private static void json(HttpExchange exchange, JsonNode node) throws IOException {
        send(exchange, 200, "application/json", JSON.writeValueAsBytes(node));
    }

    private static void text(HttpExchange exchange, int status, String message) {
        try {
            send(exchange, status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException | IllegalStateException e) {
            // headers already sent or client gone: the answer cannot be changed any more
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new Query.BadRequest("request body too large");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
