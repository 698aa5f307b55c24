package org.babble.core.inference;

import java.util.List;
import org.babble.core.prep.Note;

/** Scores of one clip-length recording, in the model's label order, and what was done to the audio first. */
public record ClipScores(float[] scores, List<Note> notes) {
    public ClipScores {
        scores = scores.clone();
        notes = List.copyOf(notes);
    }

    @Override
    public float[] scores() {
        return scores.clone();
    }
}
