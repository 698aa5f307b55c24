package org.babble.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.babble.dataset.label.LabelSummary;
import org.babble.dataset.label.ModelSortResult;
import org.babble.dataset.label.SortFailure;
import org.babble.dataset.label.SortedClip;

/**
 * What {@code babble label --model} tells the user: on stdout clips and mean score per label folder and for review (in
 * each format), on stderr reader warnings, what was done to the audio, and one line per clip that could not be sorted.
 */
final class ModelSortOutput {
    private ModelSortOutput() {}

    static void messages(PrintWriter err, ModelSortResult result) {
        for (SortedClip clip : result.sorted()) {
            clip.warnings().forEach(w -> err.println("babble: warning: " + clip.source() + ": " + w));
        }
        result.notes()
                .forEach((kind, n) -> err.println("babble: note: " + n + (n == 1 ? " clip was " : " clips were ")
                        + kind.done()
                        + switch (kind) {
                            case MIXED_DOWN -> " to mono";
                            case RESAMPLED -> " to the model's rate";
                            case PADDED, CUT -> " to the model's clip length";
                        }));
        int windowed = result.windowed();
        if (windowed > 0) {
            err.println("babble: note: " + windowed
                    + (windowed == 1
                            ? " clip longer than 1.5 model clips was"
                            : " clips longer than 1.5 model clips were")
                    + " scored as the mean over clip-length windows");
        }
        for (SortFailure failure : result.failures()) {
            err.println("babble: " + failure.message());
        }
    }

    static void print(PrintWriter stdout, OutputFormat format, ModelSortResult result, double min) {
        List<LabelSummary> rows = new ArrayList<>(result.labels());
        rows.add(result.review());
        switch (format) {
            case JSON -> {
                ObjectMapper json = new ObjectMapper();
                ObjectNode root = json.createObjectNode();
                ObjectNode labelsNode = root.putObject("labels");
                for (LabelSummary row : result.labels()) {
                    summary(labelsNode.putObject(row.label()), row);
                }
                ObjectNode review = summary(root.putObject("review"), result.review());
                review.put("below_min_score", result.belowMinScore());
                ObjectNode predicted = review.putObject("predicted");
                result.notALabel().forEach(predicted::put);
                root.put("min_score", min);
                root.put("failed", result.failures().size());
                ArrayNode files = root.putArray("clips");
                for (SortedClip clip : result.sorted()) {
                    ObjectNode node = files.addObject()
                            .put("file", clip.source().toString())
                            .put("to", clip.destination().toString())
                            .put("label", clip.predicted())
                            .put("score", clip.score());
                    if (clip.toReview()) {
                        node.put("review", clip.review().name().toLowerCase(Locale.ROOT));
                    }
                }
                stdout.println(root.toString());
            }
            case CSV -> {
                stdout.println("label,clips,mean_score");
                rows.forEach(
                        row -> stdout.println(CsvQuoting.field(row.label()) + "," + row.clips() + "," + mean(row)));
            }
            case TEXT -> {
                int width = Math.max(
                        7, rows.stream().mapToInt(r -> r.label().length()).max().orElse(7));
                stdout.printf("%-" + width + "s  clips  mean score%n", "label");
                rows.forEach(
                        row -> stdout.printf("%-" + width + "s  %5d  %10s%n", row.label(), row.clips(), mean(row)));
                StringBuilder why = new StringBuilder();
                if (result.belowMinScore() > 0) {
                    why.append(String.format(Locale.ROOT, "%d scored below %.2f", result.belowMinScore(), min));
                }
                result.notALabel()
                        .forEach((label, n) -> why.append(why.length() > 0 ? ", " : "")
                                .append(n)
                                .append(" predicted ")
                                .append(label));
                stdout.println("to review: " + result.review().clips() + (why.length() > 0 ? " (" + why + ")" : ""));
                if (!result.failures().isEmpty()) {
                    stdout.println("failed: " + result.failures().size());
                }
            }
        }
        stdout.flush();
    }

    private static ObjectNode summary(ObjectNode node, LabelSummary row) {
        node.put("clips", row.clips());
        if (row.clips() > 0) {
            node.put("mean_score", Math.round(row.meanScore() * 1e5) / 1e5);
        }
        return node;
    }

    private static String mean(LabelSummary row) {
        return row.clips() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", row.meanScore());
    }
}
