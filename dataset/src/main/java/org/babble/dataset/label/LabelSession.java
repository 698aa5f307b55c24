package org.babble.dataset.label;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.babble.core.BabbleException;

/**
 * The labelling actions, one place for both ways of labelling: the terminal's keys ({@link InteractiveLabeler}) and
 * the browser's ({@code label --web}). It keeps the clips still to decide (the model's least sure first when there are
 * guesses), puts the current one in a label's folder (copy, or verified move), skips it, undoes the last decision (also
 * one from an earlier run, in either mode) and counts. Every decision goes to the {@link LabelState} at once, so the
 * two modes can take turns on one state file. Thread-safe: a web page's requests may come on several threads.
 */
public final class LabelSession {
    private final InteractiveSettings settings;
    private final LabelState state;
    private final Map<Path, Guess> guesses = new HashMap<>();
    private final Deque<Path> queue;
    private final int total;
    private final List<Path> known = new ArrayList<>();

    /** A session over {@code clips}, leaving out those {@code state} has decided already. */
    public LabelSession(
            InteractiveSettings settings, LabelState state, List<Path> clips, Map<Path, Guess> modelGuesses) {
        this.settings = settings;
        this.state = state;
        modelGuesses.forEach((clip, guess) -> guesses.put(clip.toAbsolutePath().normalize(), guess));
        Set<Path> decided = state.decidedSources();
        List<Path> todo = new ArrayList<>();
        for (Path clip : clips) {
            Path source = clip.toAbsolutePath().normalize();
            known.add(source);
            if (!decided.contains(source)) {
                todo.add(source);
            }
        }
        if (!guesses.isEmpty()) { // stable: among equally sure clips, the folder's order
            todo.sort(Comparator.comparingDouble(
                    clip -> guess(clip).map(Guess::score).orElse(Double.POSITIVE_INFINITY)));
        }
        this.queue = new ArrayDeque<>(todo);
        this.total = queue.size() + state.decisions().size();
    }

    public InteractiveSettings settings() {
        return settings;
    }

    public LabelState state() {
        return state;
    }

    /** The clip to decide now; empty when all are decided. */
    public synchronized Optional<Path> current() {
        return Optional.ofNullable(queue.peekFirst());
    }

    /** The current clip's place among all (decided before included), from 1. */
    public synchronized int position() {
        return total - queue.size() + 1;
    }

    public int total() {
        return total;
    }

    public synchronized int remaining() {
        return queue.size();
    }

    /** A stable number for {@code clip} (for the page's URLs); clips come back through {@link #clip}. */
    public synchronized int idOf(Path clip) {
        int id = known.indexOf(clip);
        if (id < 0) {
            known.add(clip);
            id = known.size() - 1;
        }
        return id;
    }

    /** The clip numbered {@code id}, if there is one. */
    public synchronized Optional<Path> clip(int id) {
        return id >= 0 && id < known.size() ? Optional.of(known.get(id)) : Optional.empty();
    }

    public Optional<Guess> guess(Path clip) {
        return Optional.ofNullable(guesses.get(clip));
    }

    /** The model's guess for {@code clip} when it is one of the labels, so Enter can accept it. */
    public Optional<Guess> acceptable(Path clip) {
        return guess(clip).filter(g -> settings.labels().contains(g.label()));
    }

    /** Puts the current clip into {@code label}'s folder (copy, or verified move), records it, and moves on. */
    public synchronized Placement label(String label) {
        if (!settings.labels().contains(label)) {
            throw new IllegalArgumentException("not one of the labels: " + label);
        }
        Path clip = queue.peekFirst();
        if (clip == null) {
            throw new IllegalStateException("all clips are decided");
        }
        Path dir = settings.out().resolve(label);
        Path destination = settings.move() ? VerifiedTransfer.move(clip, dir) : VerifiedTransfer.copy(clip, dir);
        Placement placement = new Placement(clip, label, destination, settings.move());
        state.add(placement);
        queue.pollFirst();
        return placement;
    }

    /** Skips the current clip (recorded, so a later run does not offer it again) and moves on. */
    public synchronized Placement skip() {
        Path clip = queue.peekFirst();
        if (clip == null) {
            throw new IllegalStateException("all clips are decided");
        }
        Placement skipped = Placement.skipped(clip);
        state.add(skipped);
        queue.pollFirst();
        return skipped;
    }

    /**
     * Reverts the last decision (deletes the copy, or moves the file back when it was moved or its original is gone)
     * and offers its clip again next; empty when there is nothing to undo.
     */
    public synchronized Optional<Placement> undo() {
        List<Placement> decisions = state.decisions();
        if (decisions.isEmpty()) {
            return Optional.empty();
        }
        Placement p = decisions.get(decisions.size() - 1);
        if (!p.isSkip() && Files.exists(p.destination())) {
            if (p.moved() || !Files.exists(p.source())) {
                VerifiedTransfer.moveBack(p.destination(), p.source());
            } else {
                try {
                    Files.delete(p.destination());
                } catch (IOException e) {
                    throw new BabbleException(
                            p.destination(),
                            "cannot remove the copy to undo: " + e.getMessage(),
                            "check permissions",
                            e);
                }
            }
        }
        Optional<Placement> undone = state.removeLast();
        undone.ifPresent(u -> queue.addFirst(u.source()));
        return undone;
    }

    /** Clips per label over all runs so far, in the labels' order. */
    public synchronized Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String label : settings.labels()) {
            counts.put(label, 0);
        }
        for (Placement p : state.decisions()) {
            if (!p.isSkip()) {
                counts.merge(p.label(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Where the session stands. */
    public synchronized SessionResult summary(boolean quit) {
        int skipped = (int) state.decisions().stream().filter(Placement::isSkip).count();
        return new SessionResult(counts(), skipped, queue.size(), quit);
    }
}
