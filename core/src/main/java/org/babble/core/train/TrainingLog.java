package org.babble.core.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.babble.core.BabbleException;
import org.babble.core.evaluate.Confusion;
import org.babble.core.io.AtomicFiles;

/**
 * {@code train_log.jsonl} in the train dir: one JSON object per line for every step ({@code "type":"step"}), every
 * validation and the final test, in place of TF's tensorboard event files. Lines are flushed as written, so the log
 * survives a crash. A resumed run first cuts the log back to its checkpoint's step, so the steps the killed run took
 * after that checkpoint (and will take again) are not logged twice.
 */
public final class TrainingLog implements AutoCloseable {
    public static final String FILE = "train_log.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final BufferedWriter out;

    /** A fresh log, replacing any earlier one. */
    public static TrainingLog fresh(Path trainDir) {
        return new TrainingLog(trainDir, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** The log of a run resumed at {@code step}: lines after that step (and torn lines) are dropped, then it appends. */
    public static TrainingLog resumedAt(Path trainDir, int step) {
        List<String> kept = new ArrayList<>();
        for (JsonNode line : read(trainDir)) {
            if (line.path("step").asInt(Integer.MAX_VALUE) <= step) {
                kept.add(line.toString());
            }
        }
        AtomicFiles.write(
                trainDir.resolve(FILE),
                kept.stream().map(l -> l + "\n").collect(Collectors.joining()).getBytes(StandardCharsets.UTF_8));
        return new TrainingLog(trainDir, StandardOpenOption.APPEND);
    }

    private TrainingLog(Path trainDir, StandardOpenOption mode) {
        this.file = trainDir.resolve(FILE);
        try {
            Files.createDirectories(trainDir);
            out = Files.newBufferedWriter(
                    file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
        } catch (IOException e) {
            throw new BabbleException(file, "cannot open training log: " + e.getMessage(), "check the train dir", e);
        }
    }

    public void step(TrainingObserver.StepResult r) {
        ObjectNode line = JSON.createObjectNode()
                .put("type", "step")
                .put("step", r.step())
                .put("rate", r.learningRate())
                .put("accuracy", r.accuracy())
                .put("crossEntropy", r.crossEntropy());
        write(line);
    }

    public void evaluation(String type, int step, Confusion confusion) {
        ObjectNode line = JSON.createObjectNode()
                .put("type", type)
                .put("step", step)
                .put("accuracy", confusion.accuracy())
                .put("n", confusion.total());
        line.set("labels", JSON.valueToTree(confusion.labels()));
        line.set("confusion", JSON.valueToTree(confusion.counts()));
        write(line);
    }

    private void write(JsonNode line) {
        try {
            out.write(JSON.writeValueAsString(line));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new BabbleException(file, "cannot write training log: " + e.getMessage(), "check the disk", e);
        }
    }

    /** Every whole line of a log, for plots; a line torn by a crash is skipped, and where a run repeated steps the
     * last line wins for its readers. */
    public static List<JsonNode> read(Path trainDir) {
        Path file = trainDir.resolve(FILE);
        List<JsonNode> lines = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return lines;
        }
        try {
            for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                JsonNode line = text.isBlank() ? null : parse(text);
                if (line != null) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new BabbleException(
                    file, "cannot read training log: " + e.getMessage(), "delete it to start afresh", e);
        }
        return lines;
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode line = JSON.readTree(text);
            return line != null && line.isObject() ? line : null;
        } catch (JsonProcessingException torn) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new BabbleException(file, "cannot close training log: " + e.getMessage(), "check the disk", e);
        }
    }
}
