package org.babble.dataset.label;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.babble.core.io.AtomicFiles;

/**
 * Writes ranges labelled on a long recording as the {@code start,end,label} CSV that {@link AnnotationFiles} reads
 * ({@code label --annotations}), so ranges dragged in the browser cut clips exactly as hand-written annotations do. A
 * new range is merged into the file's rows (kept sorted by start; an identical row is not written twice), and the file
 * is rewritten under a temporary name and renamed, so an interrupted write leaves the old file whole.
 */
public final class RangeFiles {
    static final String HEADER = "start,end,label";

    private RangeFiles() {}

    /** Adds {@code range} to {@code file} (created when missing) and returns all its rows. */
    public static List<Annotation> add(Path file, Annotation range) {
        List<Annotation> rows = new ArrayList<>(read(file));
        boolean present = rows.stream()
                .anyMatch(r -> r.label().equals(range.label())
                        && same(r.start(), range.start())
                        && same(r.end(), range.end()));
        if (!present) {
            rows.add(range);
        }
        rows.sort(Comparator.comparingDouble(Annotation::start).thenComparingDouble(Annotation::end));
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (Annotation r : rows) {
            text.append(String.format(Locale.ROOT, "%.3f,%.3f,%s%n", r.start(), r.end(), r.label()));
        }
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        return List.copyOf(rows);
    }

    /** The rows of {@code file}; none when it does not exist or holds only its header. */
    public static List<Annotation> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines = TextLines.read(file);
        boolean content =
                lines.stream().skip(1).anyMatch(l -> !l.isBlank() && !l.strip().startsWith("#"));
        return content
                        || (!lines.isEmpty()
                                && TimeValues.isTime(
                                        lines.get(0).split(",", -1)[0].strip()))
                ? AnnotationFiles.parse(file, lines)
                : List.of();
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) < 0.0005;
    }
}
