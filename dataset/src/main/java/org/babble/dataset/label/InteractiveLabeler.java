package org.babble.dataset.label;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * next run resumes. With guesses, the clips the model is least sure of come first. The actions themselves are {@link
 * LabelSession}'s, shared with the browser.
 */
public final class InteractiveLabeler {
    private static final int SPARK_WIDTH = 60;
    private static final int BANDS = 40;

    private final InteractiveSettings settings;
    private final LabelState state;
    private final Playback playback;
    private final PrintWriter ui;
    private LabelSession session;

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
        return run(new LabelSession(settings, state, clips, modelGuesses), keys);
    }

    /** Labels the clips of {@code session} by key until all are decided or q is pressed. */
    public SessionResult run(LabelSession session, KeySource keys) {
        this.session = session;
        if (!state.decisions().isEmpty()) {
            ui.printf(
                    "resuming: %d decided before, %d to go (state: %s)%n",
                    state.decisions().size(), session.remaining(), state.file());
        }
        if (!playback.audible()) {
            ui.println("no playback (no speakers found, or --no-play): judge by the levels shown");
        }
        boolean quit = false;
        boolean show = true;
        while (session.current().isPresent()) {
            Path clip = session.current().get();
            if (show) {
                present(clip, session.position(), session.total());
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
                Optional<Guess> guess = session.acceptable(clip);
                if (guess.isPresent()) {
                    Placement placed = session.label(guess.get().label());
                    ui.println(
                            "-> " + placed.label() + "/" + placed.destination().getFileName() + " (model's guess)");
                    show = true;
                } else {
                    ui.println(session.guess(clip)
                            .map(g -> "the model's guess " + g.label() + " is not one of the labels")
                            .orElse("no guess to accept: press a label's number"));
                }
                continue;
            }
            switch (Character.toLowerCase((char) key)) {
                case 's' -> {
                    session.skip();
                    show = true;
                }
                case 'r' -> show = true;
                case 'u' -> {
                    Optional<Placement> undone = session.undo();
                    if (undone.isPresent()) {
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
                        Placement placed = session.label(settings.labels().get(index));
                        ui.println("-> " + placed.label() + "/"
                                + placed.destination().getFileName());
                        show = true;
                    } else {
                        ui.println("unknown key '" + (char) key + "'");
                    }
                }
            }
        }
        playback.close();
        if (session.current().isEmpty()) {
            ui.println("all clips decided");
        }
        return session.summary(quit);
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
        session.guess(clip)
                .ifPresent(g -> ui.printf(Locale.ROOT, "  model: %s %.2f (Enter accepts)%n", g.label(), g.score()));
        playback.play(audio);
    }

    private String prompt(Path clip) {
        Map<String, Integer> counts = session.counts();
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
        session.guess(clip)
                .ifPresent(g -> line.append("Enter ").append(g.label()).append("  "));
        return line.append("| s skip  r replay  u undo  q quit > ").toString();
    }
}
