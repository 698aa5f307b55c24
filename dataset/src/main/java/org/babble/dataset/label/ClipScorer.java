package org.babble.dataset.label;

import java.nio.file.Path;
import java.util.List;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.DecodedWav;
import org.babble.core.audio.WavReader;
import org.babble.core.inference.Classifier;
import org.babble.core.inference.ClipScores;
import org.babble.core.inference.RankedLabel;
import org.babble.core.inference.WindowedScores;
import org.babble.core.prep.Note;

/**
 * A first model's opinion of one clip to label, as the model-assisted modes need it: the pre-sort ({@link ModelSorter})
 * and the model's guesses in interactive labelling. A clip longer than 1.5 model clips is scored as the mean over
 * windows of one clip every half clip, so only a clip the model hears as one label throughout scores high.
 */
public final class ClipScorer {
    private final Classifier classifier;

    public ClipScorer(Classifier classifier) {
        this.classifier = classifier;
    }

    /** What the model made of a clip: its top label, what preparing it did, how many windows, the WAV's warnings. */
    public record Scored(RankedLabel top, List<Note> notes, int windows, List<String> warnings) {
        public Guess guess() {
            return new Guess(top.label(), top.score());
        }
    }

    public List<String> labels() {
        return classifier.model().labels();
    }

    /** Scores {@code clip}; throws {@code BabbleException} when it cannot be read. */
    public Scored score(Path clip) {
        DecodedWav wav = WavReader.read(clip);
        AudioClip audio = wav.clip();
        float[] scores;
        List<Note> notes;
        int windows;
        if (classifier.needsWindows(audio)) {
            long hopMs =
                    Math.max(1, classifier.model().metadata().featureSettings().clipDurationMs() / 2);
            WindowedScores windowed = classifier.classifyWindows(audio, hopMs, n -> {});
            scores = windowed.meanScores();
            notes = windowed.notes();
            windows = windowed.windows().size();
        } else {
            ClipScores one = classifier.classify(audio);
            scores = one.scores();
            notes = one.notes();
            windows = 1;
        }
        return new Scored(RankedLabel.top(labels(), scores, 1).get(0), notes, windows, wav.warnings());
    }
}
