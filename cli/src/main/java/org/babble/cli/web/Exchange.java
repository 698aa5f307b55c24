package org.babble.cli.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import javax.imageio.ImageIO;

/**
 * One request as a page's handler sees it: its query, its path's groups, its body, and the ways to answer (a page
 * resource, JSON, a PNG, a file, a short text). Keeps the answering rules (HEAD sends no body, bodies are bounded) in
 * one place for every page.
 */
final class Exchange {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 4096;

    private final HttpExchange http;
    private final Query query;
    private final Matcher match;
    private final String csrf;

    Exchange(HttpExchange http, Query query, Matcher match, String csrf) {
        this.http = http;
        this.query = query;
        this.match = match;
        this.csrf = csrf;
    }

    Query query() {
        return query;
    }

    /** The path's group {@code n} of the route's pattern. */
    String group(int n) {
        return match.group(n);
    }

    /** The body as JSON, refused (415, 400) unless it is a small JSON document. */
    JsonNode jsonBody() throws IOException {
        String type = http.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            throw new Refused(415, "send application/json");
        }
        try {
            JsonNode body = JSON.readTree(body());
            if (body == null || !body.isObject()) {
                throw new Query.BadRequest("the body is not a JSON object");
            }
            return body;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Query.BadRequest("the body is not JSON");
        }
    }

    String body() throws IOException {
        try (InputStream in = http.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new Query.BadRequest("request body too large");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    void header(String name, String value) {
        http.getResponseHeaders().set(name, value);
    }

    /** A page resource beside this class; in HTML, {@code {{csrf}}} becomes this server's anti-forgery secret. */
    void resource(String name, String type) throws IOException {
        byte[] bytes;
        try (InputStream in = Exchange.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the page resource " + name);
            }
            bytes = in.readAllBytes();
        }
        if (name.endsWith(".html")) {
            bytes = new String(bytes, StandardCharsets.UTF_8)
                    .replace("{{csrf}}", csrf)
                    .getBytes(StandardCharsets.UTF_8);
        }
        send(200, type, bytes);
    }

    void json(JsonNode node) throws IOException {
        send(200, "application/json", JSON.writeValueAsBytes(node));
    }

    void png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        send(200, "image/png", bytes.toByteArray());
    }

    /** Streams {@code file} (a WAV the page plays); 404 with {@code missing} when it is gone or over {@code maxBytes}. */
    void file(Path file, String type, long maxBytes, String missing) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) > maxBytes) {
            text(404, missing);
            return;
        }
        http.getResponseHeaders().set("Content-Type", type);
        http.sendResponseHeaders(200, Files.size(file));
        if (!http.getRequestMethod().equals("HEAD")) {
            try (OutputStream out = http.getResponseBody()) {
                Files.copy(file, out);
            }
        }
    }

    void text(int status, String message) {
        text(http, status, message);
    }

    void redirect(String location) throws IOException {
        http.getResponseHeaders().set("Location", location);
        send(303, "text/plain", new byte[0]);
    }

    void send(int status, String type, byte[] body) throws IOException {
        send(http, status, type, body);
    }

    static void text(HttpExchange http, int status, String message) {
        try {
            send(http, status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException | IllegalStateException e) {
            // headers already sent or client gone: the answer cannot be changed any more
        }
    }

    static void send(HttpExchange http, int status, String type, byte[] body) throws IOException {
        http.getResponseHeaders().set("Content-Type", type);
        boolean head = http.getRequestMethod().equals("HEAD");
        http.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = http.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** A request refused with a status other than 400 (415, 404, 409), answered with this message. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
