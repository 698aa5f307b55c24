package org.babble.cli.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.babble.core.BabbleException;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavReader;
import org.babble.core.io.FileNames;
import org.babble.dataset.label.Annotation;
import org.babble.dataset.label.FolderCensus;
import org.babble.dataset.label.LabelSession;
import org.babble.dataset.label.Placement;
import org.babble.dataset.label.RangeFiles;

/**
 * The labelling page of {@code label --web}: one clip at a time with its picture ({@link ClipPicture}) and audio, and
 * the terminal's actions ({@link LabelSession}: a label, the model's guess, skip, undo) as POSTs, so both modes move
 * files by the same code and share one state file. Ranges dragged on a long recording's waveform go to {@code
 * OUT/<recording>.csv} ({@link RangeFiles}), ready for {@code label --annotations}. Clips are named by a number, never
 * by a path, so a request can reach only the clips being labelled.
 */
public final class LabelPage {
    /** Long recordings are served whole; the limit only keeps a stray huge file from being streamed. */
    private static final long MAX_AUDIO_BYTES = 2L << 30;

    private final LabelSession session;
    private final Consumer<String> said;
    private volatile Decoded last;

    private LabelPage(LabelSession session, Consumer<String> said) {
        this.session = session;
        this.said = said;
    }

    /** The page's routes over {@code session}; {@code said} hears each action, as the terminal mode prints them. */
    public static Routes routes(LabelSession session, Consumer<String> said) {
        LabelPage page = new LabelPage(session, said);
        return new Routes()
                .get("/", x -> x.resource("label.html", "text/html; charset=utf-8"))
                .get("/label.js", x -> x.resource("label.js", "text/javascript; charset=utf-8"))
                .get("/style.css", x -> x.resource("style.css", "text/css; charset=utf-8"))
                .get("/label.css", x -> x.resource("label.css", "text/css; charset=utf-8"))
                .get("/api/session", x -> x.json(page.describe()))
                .get("/api/clips/(\\d{1,9})/audio", page::audio)
                .get("/api/clips/(\\d{1,9})/picture\\.png", page::picture)
                .post("/api/decide", page::decide)
                .post("/api/undo", page::undo)
                .post("/api/ranges", page::range);
    }

    /** Where the session stands: the current clip, the counts, the folders' census, the current clip's ranges. */
    private ObjectNode describe() {
        synchronized (session) { // one consistent picture while another request acts
            return describeNow();
        }
    }

    private ObjectNode describeNow() {
        ObjectNode root = Exchange.JSON.createObjectNode();
        ArrayNode labels = root.putArray("labels");
        session.settings().labels().forEach(labels::add);
        root.put("move", session.settings().move());
        root.put("total", session.total());
        root.put("remaining", session.remaining());
        root.put("undoable", !session.state().decisions().isEmpty());
        ObjectNode counts = root.putObject("counts");
        session.counts().forEach(counts::put);
        ArrayNode census = root.putArray("census");
        for (FolderCensus.Row row :
                FolderCensus.of(session.settings().out(), session.settings().labels())) {
            census.addObject()
                    .put("label", row.label())
                    .put("clips", row.clips())
                    .put("sources", row.sources())
                    .put("line", row.describe());
        }
        Optional<Path> current = session.current();
        root.put("done", current.isEmpty());
        if (current.isPresent()) {
            Path clip = current.get();
            ObjectNode node = root.putObject("clip");
            node.put("id", session.idOf(clip));
            node.put("name", clip.getFileName().toString());
            node.put("position", session.position());
            session.guess(clip)
                    .ifPresent(g -> node.putObject("guess")
                            .put("label", g.label())
                            .put("score", g.score())
                            .put("acceptable", session.acceptable(clip).isPresent()));
            try {
                node.put("seconds", decode(clip).durationSeconds());
            } catch (BabbleException e) {
                node.put("problem", e.getMessage());
            }
            ArrayNode ranges = node.putArray("ranges");
            for (Annotation row : RangeFiles.read(rangeFile(clip))) {
                ranges.addObject()
                        .put("start", row.start())
                        .put("end", row.end())
                        .put("label", row.label());
            }
        }
        return root;
    }

    private void audio(Exchange x) throws IOException {
        Path clip = clip(x.group(1));
        x.file(clip, "audio/wav", MAX_AUDIO_BYTES, "the clip is no longer there");
    }

    private void picture(Exchange x) throws IOException {
        AudioClip audio;
        try {
            audio = decode(clip(x.group(1)));
        } catch (BabbleException e) {
            throw new Exchange.Refused(422, e.getMessage());
        }
        x.png(ClipPicture.draw(audio));
    }

    private void decide(Exchange x) throws IOException {
        synchronized (session) { // the check that the clip is current and the action are one step
            JsonNode body = x.jsonBody();
            Path clip = current(body);
            String action = text(body, "action");
            Placement placed;
            switch (action) {
                case "label" -> {
                    String label = text(body, "label");
                    if (!session.settings().labels().contains(label)) {
                        throw new Query.BadRequest(
                                "label must be one of " + session.settings().labels());
                    }
                    placed = session.label(label);
                }
                case "accept" -> {
                    String label = session.acceptable(clip)
                            .orElseThrow(() -> new Exchange.Refused(409, "no guess of the model to accept"))
                            .label();
                    placed = session.label(label);
                }
                case "skip" -> placed = session.skip();
                default -> throw new Query.BadRequest("action must be label, accept or skip");
            }
            said.accept(
                    placed.isSkip()
                            ? "skipped " + clip.getFileName()
                            : clip.getFileName() + " -> " + placed.label() + "/"
                                    + placed.destination().getFileName());
            x.json(describe());
        }
    }

    private void undo(Exchange x) throws IOException {
        synchronized (session) { // the check that the clip is current and the action are one step
            x.jsonBody();
            Optional<Placement> undone = session.undo();
            if (undone.isEmpty()) {
                throw new Exchange.Refused(409, "nothing to undo");
            }
            said.accept("undone: " + undone.get().source().getFileName()
                    + (undone.get().isSkip()
                            ? " (was skipped)"
                            : " (was " + undone.get().label() + ")"));
            x.json(describe());
        }
    }

    private void range(Exchange x) throws IOException {
        synchronized (session) { // the check that the clip is current and the action are one step
            JsonNode body = x.jsonBody();
            Path clip = current(body);
            String label = text(body, "label");
            if (!session.settings().labels().contains(label)) {
                throw new Query.BadRequest(
                        "label must be one of " + session.settings().labels());
            }
            double start = number(body, "start");
            double end = number(body, "end");
            double seconds = decode(clip).durationSeconds();
            if (!(start >= 0 && end > start && end <= seconds + 0.01)) {
                throw new Query.BadRequest(String.format(
                        Locale.ROOT, "the range must lie within the clip's 0..%.3f s, start before end", seconds));
            }
            Path file = rangeFile(clip);
            List<Annotation> rows = RangeFiles.add(file, new Annotation(start, Math.min(end, seconds), label, 0));
            said.accept(String.format(
                    Locale.ROOT,
                    "%s: %.2f-%.2f s %s -> %s (%d rows)",
                    clip.getFileName(),
                    start,
                    end,
                    label,
                    file,
                    rows.size()));
            x.json(describe().put("rangeFile", file.toString()));
        }
    }

    /** The CSV for ranges of {@code clip}: {@code OUT/<clip name without .wav>.csv}, never beside the input. */
    private Path rangeFile(Path clip) {
        return session.settings().out().resolve(FileNames.stem(clip) + ".csv");
    }

    /** The clip the body names, which must be the current one: a second tab or a double click acts on no other. */
    private Path current(JsonNode body) {
        if (!body.path("clip").canConvertToInt()) {
            throw new Query.BadRequest("clip must be the number of the current clip");
        }
        Path named =
                session.clip(body.get("clip").asInt()).orElseThrow(() -> new Exchange.Refused(404, "no such clip"));
        if (!session.current().map(named::equals).orElse(false)) {
            throw new Exchange.Refused(409, "that clip is not the current one any more; reload the page");
        }
        return named;
    }

    private Path clip(String id) {
        return session.clip(Integer.parseInt(id)).orElseThrow(() -> new Exchange.Refused(404, "no such clip"));
    }

    private AudioClip decode(Path clip) {
        Decoded held = last;
        if (held != null && held.file().equals(clip)) {
            return held.audio();
        }
        AudioClip audio = WavReader.read(clip).clip();
        last = new Decoded(clip, audio);
        return audio;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw new Query.BadRequest(field + " is missing");
        }
        return value.asText();
    }

    private static double number(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw new Query.BadRequest(field + " must be a number of seconds");
        }
        return value.asDouble();
    }

    private record Decoded(Path file, AudioClip audio) {}
}
