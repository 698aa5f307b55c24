package org.babble.cli.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.babble.core.BabbleException;

/**
 * babble's pages: a small HTTP server (the JDK's own, so the Pi runtime needs no extra library) answering one page's
 * {@link Routes}: the night page of {@code serve} and {@code monitor --http}, or the labelling page of {@code label
 * --web}. Every request passes {@link WebAccess} first (loopback only, or a token), every write its anti-forgery check,
 * and every answer gets the same security headers; a failure inside a handler is logged and answered "internal error".
 */
public final class WebServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads;
    private final WebAccess access;
    private final Routes routes;
    private final Consumer<String> log;

    private WebServer(WebSettings settings, Routes routes, Consumer<String> log) throws IOException {
        this.access = new WebAccess(settings);
        this.routes = routes;
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
     * Starts the night page over {@code database} (which must exist; a monitor may be writing it); {@code log} hears
     * server-side failures, which the client is told only as "internal error".
     */
    public static WebServer start(WebSettings settings, Path database, ZoneId zone, Consumer<String> log) {
        return start(settings, NightPage.routes(database, zone), log);
    }

    /** Starts serving {@code routes}; they are closed with the server, or at once if it cannot listen. */
    public static WebServer start(WebSettings settings, Routes routes, Consumer<String> log) {
        System.setProperty("java.awt.headless", "true");
        WebServer web;
        try {
            web = new WebServer(settings, routes, log);
        } catch (IOException e) {
            routes.close();
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
        routes.close();
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
            Exchange.text(exchange, 400, e.getMessage());
        } catch (Exchange.Refused e) {
            Exchange.text(exchange, e.status(), e.getMessage());
        } catch (BabbleException | IllegalStateException e) {
            log.accept("web: " + e.getMessage());
            Exchange.text(exchange, 500, "internal error");
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
                new Exchange(exchange, new Query(null), null, access.csrfSecret()).redirect("/login");
            } else {
                Exchange.text(exchange, denial.get().status(), denial.get().reason());
            }
            return;
        }
        Optional<Routes.Found> found =
                reading || method.equals("POST") ? routes.find(!reading, path) : Optional.empty();
        if (found.isEmpty()) {
            boolean known = routes.knows(path);
            Exchange.text(exchange, known || !reading ? 405 : 404, known || !reading ? "not allowed" : "not found");
            return;
        }
        Query query = new Query(exchange.getRequestURI().getRawQuery());
        found.get().handler().handle(new Exchange(exchange, query, found.get().match(), access.csrfSecret()));
    }

    private void login(HttpExchange http, boolean reading) throws IOException {
        Exchange exchange = new Exchange(http, new Query(null), null, access.csrfSecret());
        if (!access.needsLogin()) {
            exchange.redirect("/");
            return;
        }
        if (reading) {
            exchange.resource("login.html", "text/html; charset=utf-8");
            return;
        }
        String offered = new Query(exchange.body()).text("token").orElse("");
        Optional<String> session = access.login(offered);
        if (session.isEmpty()) {
            pause(); // a wrong guess costs time, so guessing a token over the network is hopeless
            exchange.text(401, "wrong token");
            return;
        }
        http.getResponseHeaders()
                .add(
                        "Set-Cookie",
                        WebAccess.SESSION_COOKIE + "=" + session.get() + "; Path=/; HttpOnly; SameSite=Strict");
        exchange.redirect("/");
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
