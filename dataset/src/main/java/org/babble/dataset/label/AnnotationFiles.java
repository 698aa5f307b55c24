package org.babble.dataset.label;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.babble.core.BabbleException;

/**
 * Reads annotation files: CSV rows {@code start,end,label} (times in seconds or hh:mm:ss, an optional header line) and
 * Audacity label tracks (tab-separated start, end, label; its {@code \} frequency lines are ignored), since that is what
 * people annotate with. Blank lines and {@code #} comments are skipped; any other bad line fails naming its number.
 */
public final class AnnotationFiles {
    private AnnotationFiles() {}

    public static List<Annotation> read(Path file) {
        List<String> lines = TextLines.read(file);
        return parse(file, lines);
    }

    /** Parses {@code lines}; {@code file} is only used in messages. */
    public static List<Annotation> parse(Path file, List<String> lines) {
        List<Annotation> rows = new ArrayList<>();
        boolean seenContent = false;
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = i == 0 ? stripBom(lines.get(i)) : lines.get(i);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || line.startsWith("\\")) {
                continue;
            }
            String[] fields = split(line);
            boolean first = !seenContent;
            seenContent = true;
            if (fields.length < 3) {
                throw bad(file, number, "expected start, end, label but found " + fields.length + " field(s)");
            }
            if (first && !TimeValues.isTime(fields[0])) {
                continue; // a header such as start_s,end_s,label
            }
            double start;
            double end;
            try {
                start = TimeValues.parseSeconds(fields[0]);
                end = TimeValues.parseSeconds(fields[1]);
            } catch (NumberFormatException e) {
                throw bad(file, number, e.getMessage());
            }
            try {
                rows.add(new Annotation(start, end, unquote(fields[2]), number));
            } catch (IllegalArgumentException e) {
                throw new BabbleException(file, e.getMessage(), "fix that line of the annotations");
            }
        }
        if (rows.isEmpty()) {
            throw new BabbleException(
                    file,
                    "no annotations (expected lines of start,end,label)",
                    "check it is the right file; Audacity: File > Export > Export Labels");
        }
        return rows;
    }

    private static String[] split(String line) {
        String[] fields = line.indexOf('\t') >= 0 ? line.split("\t", 3) : line.split(",", 3);
        for (int i = 0; i < fields.length; i++) {
            fields[i] = fields[i].strip();
        }
        return fields;
    }

    private static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1).replace("\"\"", "\"").strip()
                : text;
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static BabbleException bad(Path file, int line, String problem) {
        return new BabbleException(file, "line " + line + ": " + problem, "fix that line of the annotations");
    }
}
