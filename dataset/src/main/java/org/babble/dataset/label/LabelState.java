package org.babble.dataset.label;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.babble.core.BabbleException;
import org.babble.core.io.AtomicFiles;

/**
 * The decisions of an interactive labelling session, in order, saved (atomically) after every key so that quitting,
 * Ctrl-C or a dropped ssh connection loses nothing and the next run resumes where this one stopped; undo works across
 * runs too. One tab-separated line per decision: {@code label|skip, source, destination, copy|move}.
 */
public final class LabelState {
    private static final String HEADER = "# babble label state v1: action, source, destination, copy|move";

    private final Path file;
    private final List<Placement> decisions;

    private LabelState(Path file, List<Placement> decisions) {
        this.file = file;
        this.decisions = decisions;
    }

    /** The state in {@code file}, or an empty one when it does not exist yet. */
    public static LabelState load(Path file) {
        List<Placement> decisions = new ArrayList<>();
        if (Files.exists(file)) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BabbleException(
                        file, "cannot read the labelling state: " + e.getMessage(), "check permissions", e);
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length == 2 && f[0].equals("skip")) {
                    decisions.add(Placement.skipped(Path.of(f[1])));
                } else if (f.length == 4 && f[0].startsWith("label:")) {
                    decisions.add(new Placement(
                            Path.of(f[1]), f[0].substring("label:".length()), Path.of(f[2]), f[3].equals("move")));
                } else {
                    throw new BabbleException(
                            file,
                            "line " + (i + 1) + " is not a labelling decision",
                            "it was edited by hand or belongs to something else; fix or remove it (labels already "
                                    + "copied stay where they are)");
                }
            }
        }
        return new LabelState(file, decisions);
    }

    public Path file() {
        return file;
    }

    public List<Placement> decisions() {
        return List.copyOf(decisions);
    }

    /** Sources already decided (labelled or skipped). */
    public Set<Path> decidedSources() {
        Set<Path> sources = new HashSet<>();
        for (Placement p : decisions) {
            sources.add(p.source());
        }
        return sources;
    }

    public void add(Placement placement) {
        decisions.add(placement);
        save();
    }

    /** Forgets the last decision (the caller reverts its file); empty when there is nothing to undo. */
    public Optional<Placement> removeLast() {
        if (decisions.isEmpty()) {
            return Optional.empty();
        }
        Placement last = decisions.remove(decisions.size() - 1);
        save();
        return Optional.of(last);
    }

    private void save() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (Placement p : decisions) {
            if (p.isSkip()) {
                text.append("skip\t").append(p.source()).append('\n');
            } else {
                text.append("label:")
                        .append(p.label())
                        .append('\t')
                        .append(p.source())
                        .append('\t')
                        .append(p.destination())
                        .append('\t')
                        .append(p.moved() ? "move" : "copy")
                        .append('\n');
            }
        }
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
