package org.babble.dataset.label;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.babble.core.BabbleException;
import org.babble.core.audio.AudioClip;
import org.babble.core.capture.Playback;
import org.babble.core.meter.BandLine;
import org.babble.core.meter.LevelMeter;
import org.babble.core.meter.Sparkline;

/**
 * Labels clips one by one by key: it shows each clip's position, level, a level sparkline and a band-energy line (and
 * plays it when there are speakers; the next key stops it), then 1–9 puts it in that label's folder, Enter accepts the
 * model's guess when there is one, s skips, r replays, u undoes the last decision (also one from an earlier run), q
 * quits. The prompt counts the clips per label so far. Every decision is saved in a {@link LabelState} at once, so the
 * next run resumes. With guesses, the clips the model is least sure of come first.
 */
public final class InteractiveLabeler {
    private static final int SPARK_WIDTH = 60;
    private static final int BANDS = 40;

    private final InteractiveSettings settings;
    private final LabelState state;
    private final Playback playback;
    private final PrintWriter ui;
    private final Map<Path, Guess> guesses = new HashMap<>();

    public InteractiveLabeler(InteractiveSettings settings, LabelState state, Playback playback, PrintWriter ui) {
        this.settings = settings;
        this.state = state;
        this.playback = playback;
        this.ui = ui;
    }

    /** Labels {@code clips} with no model's guesses. */
    public SessionResult run(List<Path> clips, KeySource keys) {
        return run(clips, Map.of(), keys);
    }

    /** Labels {@code clips}, offering {@code guesses} (by clip path) as defaults, least sure first. */
    public SessionResult run(List<Path> clips, Map<Path, Guess> modelGuesses, KeySource keys) {
        modelGuesses.forEach((clip, guess) -> guesses.put(clip.toAbsolutePath().normalize(), guess));
        Set<Path> decided = state.decidedSources();
        List<Path> todo = new ArrayList<>();
        for (Path clip : clips) {
            Path source = clip.toAbsolutePath().normalize();
            if (!decided.contains(source)) {
                todo.add(source);
            }
        }
        if (!guesses.isEmpty()) { // stable: among equally sure clips, the folder's order
            todo.sort(Comparator.comparingDouble(
                    clip -> guess(clip).map(Guess::score).orElse(Double.POSITIVE_INFINITY)));
        }
        Deque<Path> queue = new ArrayDeque<>(todo);
        int total = queue.size() + state.decisions().size();
        if (!state.decisions().isEmpty()) {
            ui.printf(
                    "resuming: %d decided before, %d to go (state: %s)%n",
                    state.decisions().size(), queue.size(), state.file());
        }
        if (!playback.audible()) {
            ui.println("no playback (no speakers found, or --no-play): judge by the levels shown");
        }
        boolean quit = false;
        boolean show = true;
        while (!queue.isEmpty()) {
            Path clip = queue.peekFirst();
            if (show) {
                present(clip, total - queue.size() + 1, total);
                show = false;
            }
            ui.print(prompt(clip));
            ui.flush();
            int key = keys.next();
            if (key != 'r') {
                playback.stop();
            }
            if (key < 0 || key == 'q') {
                ui.println();
                quit = true;
                break;
            }
            if (key == KeySource.ENTER) {
                Optional<Guess> guess =
                        guess(clip).filter(g -> settings.labels().contains(g.label()));
                if (guess.isPresent()) {
                    Placement placed = decide(clip, guess.get().label());
                    ui.println(
                            "-> " + placed.label() + "/" + placed.destination().getFileName() + " (model's guess)");
                    queue.pollFirst();
                    show = true;
                } else {
                    ui.println(guess(clip)
                            .map(g -> "the model's guess " + g.label() + " is not one of the labels")
                            .orElse("no guess to accept: press a label's number"));
                }
                continue;
            }
            switch (Character.toLowerCase((char) key)) {
                case 's' -> {
                    state.add(Placement.skipped(clip));
                    queue.pollFirst();
                    show = true;
                }
                case 'r' -> show = true;
                case 'u' -> {
                    Optional<Placement> undone = undo();
                    if (undone.isPresent()) {
                        queue.addFirst(undone.get().source());
                        ui.println("undone: " + undone.get().source().getFileName()
                                + (undone.get().isSkip()
                                        ? " (was skipped)"
                                        : " (was " + undone.get().label() + ")"));
                        show = true;
                    } else {
                        ui.println("nothing to undo");
                    }
                }
                default -> {
                    int index = key - '1';
                    if (index >= 0 && index < settings.labels().size()) {
                        Placement placed = decide(clip, settings.labels().get(index));
                        ui.println("-> " + placed.label() + "/"
                                + placed.destination().getFileName());
                        queue.pollFirst();
                        show = true;
                    } else {
                        ui.println("unknown key '" + (char) key + "'");
                    }
                }
            }
        }
        playback.close();
        if (queue.isEmpty()) {
            ui.println("all clips decided");
        }
        return summary(queue.size(), quit);
    }

    /** Puts {@code clip} into {@code label}'s folder (copy, or verified move) and records the decision. */
    public Placement decide(Path clip, String label) {
        Path dir = settings.out().resolve(label);
        Path destination = settings.move() ? VerifiedTransfer.move(clip, dir) : VerifiedTransfer.copy(clip, dir);
        Placement placement = new Placement(clip, label, destination, settings.move());
        state.add(placement);
        return placement;
    }

    /** Reverts the last decision: deletes the copy (or moves the file back when it was moved or its original is gone). */
    public Optional<Placement> undo() {
        Optional<Placement> last = state.decisions().isEmpty()
                ? Optional.empty()
                : Optional.of(state.decisions().get(state.decisions().size() - 1));
        if (last.isEmpty()) {
            return last;
        }
        Placement p = last.get();
        if (!p.isSkip() && Files.exists(p.destination())) {
            if (p.moved() || !Files.exists(p.source())) {
                VerifiedTransfer.moveBack(p.destination(), p.source());
            } else {
                try {
                    Files.delete(p.destination());
                } catch (java.io.IOException e) {
                    throw new BabbleException(
                            p.destination(),
                            "cannot remove the copy to undo: " + e.getMessage(),
                            "check permissions",
                            e);
                }
            }
        }
        return state.removeLast();
    }

    private void present(Path clip, int position, int total) {
        ui.printf("[%d/%d] %s%n", position, total, clip.getFileName());
        AudioClip audio;
        try {
            audio = org.babble.core.audio.WavReader.read(clip).clip();
        } catch (BabbleException e) {
            ui.println("  cannot read it: " + e.getMessage());
            return;
        }
        ui.printf(
                Locale.ROOT,
                "  %.2f s  %s%n",
                audio.durationSeconds(),
                LevelMeter.measure(audio.channels()).describe());
        float[] mono = audio.mixdown();
        ui.println("  level " + Sparkline.render(mono, SPARK_WIDTH));
        ui.println("  bands " + BandLine.render(mono, audio.sampleRate(), BANDS) + "  (low to high pitch)");
        guess(clip).ifPresent(g -> ui.printf(Locale.ROOT, "  model: %s %.2f (Enter accepts)%n", g.label(), g.score()));
        playback.play(audio);
    }

    private Optional<Guess> guess(Path clip) {
        return Optional.ofNullable(guesses.get(clip));
    }

    private String prompt(Path clip) {
        Map<String, Integer> counts = counts();
        StringBuilder line = new StringBuilder("  ");
        for (int i = 0; i < settings.labels().size(); i++) {
            String label = settings.labels().get(i);
            line.append(i + 1)
                    .append(' ')
                    .append(label)
                    .append(" (")
                    .append(counts.get(label))
                    .append(")  ");
        }
        guess(clip).ifPresent(g -> line.append("Enter ").append(g.label()).append("  "));
        return line.append("| s skip  r replay  u undo  q quit > ").toString();
    }

    private Map<String, Integer> counts() {
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

    private SessionResult summary(int remaining, boolean quit) {
        int skipped = (int) state.decisions().stream().filter(Placement::isSkip).count();
        return new SessionResult(counts(), skipped, remaining, quit);
    }
}
