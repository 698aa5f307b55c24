package org.babble.cli.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.babble.core.monitor.store.Verdict;

/**
 * The parent's night page over a monitor database: the page, its JSON ({@link JsonApi}), charts drawn on the server
 * ({@link ChartImages}, so the page needs no script library and no internet), kept episode audio by id, and "right" /
 * "false alarm" verdicts.
 */
final class NightPage {
    /** Kept pieces are clip-length WAVs; anything far larger in their place is not served. */
    private static final long MAX_AUDIO_BYTES = 256L << 20;

    private final NightStore store;
    private final JsonApi api;
    private final ChartImages charts;

    private NightPage(Path database, ZoneId zone) {
        this.store = new NightStore(database);
        this.api = new JsonApi(store, zone);
        this.charts = new ChartImages(store, api);
    }

    static Routes routes(Path database, ZoneId zone) {
        NightPage page = new NightPage(database, zone);
        return new Routes()
                .get("/", x -> x.resource("index.html", "text/html; charset=utf-8"))
                .get("/app.js", x -> x.resource("app.js", "text/javascript; charset=utf-8"))
                .get("/style.css", x -> x.resource("style.css", "text/css; charset=utf-8"))
                .get("/api/now", x -> x.json(page.api.now(x.query())))
                .get("/api/episodes", x -> x.json(page.api.episodes(x.query())))
                .get("/api/minutes", x -> x.json(page.api.minutes(x.query())))
                .get("/api/hours", x -> x.json(page.api.hours(x.query())))
                .get(
                        "/chart/(night|days|hours)\\.png",
                        x -> x.png(page.charts.draw("/chart/" + x.group(1) + ".png", x.query())))
                .get("/api/episodes/(\\d{1,18})/audio/(\\d{1,4})", page::audio)
                .post("/api/episodes/(\\d{1,18})/verdict", page::verdict)
                .closing(page.store::close);
    }

    private void audio(Exchange x) throws IOException {
        Optional<Path> file = store.audio(Long.parseLong(x.group(1)), Integer.parseInt(x.group(2)));
        if (file.isEmpty()) {
            x.text(404, "no kept audio for this episode");
            return;
        }
        x.file(file.get(), "audio/wav", MAX_AUDIO_BYTES, "no kept audio for this episode");
    }

    private void verdict(Exchange x) throws IOException {
        long episode = Long.parseLong(x.group(1));
        JsonNode body = x.jsonBody();
        String word = body.hasNonNull("verdict") ? body.get("verdict").asText() : "";
        Verdict verdict =
                Verdict.of(word).orElseThrow(() -> new Query.BadRequest("verdict must be right or false_alarm"));
        if (!store.mark(episode, verdict, Instant.now())) {
            x.text(404, "no such episode");
            return;
        }
        x.json(Exchange.JSON.createObjectNode().put("id", episode).put("verdict", verdict.word()));
    }
}
