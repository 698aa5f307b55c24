package org.babble.dataset.label;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.babble.core.BabbleException;

/**
 * Reads {@code file,verdict} rows ({@code right} or {@code wrong}; {@code y}/{@code n} too), the review of a night's
 * kept detections, written by hand or from a spreadsheet. A header row and {@code #} comments are skipped.
 */
public final class VerdictFiles {
    private VerdictFiles() {}

    public static List<Verdict> read(Path file) {
        List<String> lines = TextLines.read(file);
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int comma = line.lastIndexOf(',');
            if (comma < 0) {
                throw bad(file, i + 1, "expected file,verdict");
            }
            String target = line.substring(0, comma).strip();
            String verdict = line.substring(comma + 1).strip().toLowerCase(Locale.ROOT);
            if (target.length() >= 2 && target.startsWith("\"") && target.endsWith("\"")) {
                target = target.substring(1, target.length() - 1).replace("\"\"", "\"");
            }
            boolean header = verdicts.isEmpty() && target.equalsIgnoreCase("file");
            if (header) {
                continue;
            }
            boolean right = switch (verdict) {
                case "right", "y", "yes" -> true;
                case "wrong", "n", "no" -> false;
                default -> throw bad(file, i + 1, "verdict '" + verdict + "' is neither right nor wrong");
            };
            if (target.isEmpty()) {
                throw bad(file, i + 1, "no file named");
            }
            verdicts.add(new Verdict(target, right, i + 1));
        }
        if (verdicts.isEmpty()) {
            throw new BabbleException(
                    file, "no verdicts (expected lines of file,right or file,wrong)", "check it is the right file");
        }
        return verdicts;
    }

    private static BabbleException bad(Path file, int line, String problem) {
        return new BabbleException(file, "line " + line + ": " + problem, "fix that line of the verdicts");
    }
}
