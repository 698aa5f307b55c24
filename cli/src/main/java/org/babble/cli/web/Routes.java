package org.babble.cli.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one page answers: a table of method, path pattern and handler, so the same {@link WebServer} (and its access
 * rules, headers and error handling) serves the night page of {@code serve} and the labelling page of {@code label
 * --web}. Paths are matched whole; a pattern's groups reach the handler through {@link Exchange#group}.
 */
public final class Routes {
    private final List<Route> routes = new ArrayList<>();
    private final List<Runnable> closers = new ArrayList<>();

    Routes() {}

    /** Answers GET (and HEAD) on paths matching {@code regex}. */
    Routes get(String regex, Handler handler) {
        routes.add(new Route(false, Pattern.compile(regex), handler));
        return this;
    }

    /** Answers POST on paths matching {@code regex}; the server checks the anti-forgery rules first. */
    Routes post(String regex, Handler handler) {
        routes.add(new Route(true, Pattern.compile(regex), handler));
        return this;
    }

    /** Runs {@code closer} (closing a database, say) when the server stops. */
    Routes closing(Runnable closer) {
        closers.add(closer);
        return this;
    }

    /** The handler for a request and its path's groups, or empty when nothing answers this method on this path. */
    Optional<Found> find(boolean writing, String path) {
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(path);
            if (route.writing() == writing && m.matches()) {
                return Optional.of(new Found(route.handler(), m));
            }
        }
        return Optional.empty();
    }

    /** Whether some other method answers {@code path} (so the request gets 405, not 404). */
    boolean knows(String path) {
        return routes.stream().anyMatch(r -> r.pattern().matcher(path).matches());
    }

    void close() {
        closers.forEach(Runnable::run);
    }

    /** Answers one request. */
    @FunctionalInterface
    interface Handler {
        void handle(Exchange exchange) throws IOException;
    }

    record Found(Handler handler, Matcher match) {}

    private record Route(boolean writing, Pattern pattern, Handler handler) {}
}
