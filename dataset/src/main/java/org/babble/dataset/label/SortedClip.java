package org.babble.dataset.label;

import java.nio.file.Path;
import java.util.List;
import org.babble.core.prep.Note;

/**
 * Where one clip went and why: the model's top label and its score, the file in {@code OUT/<label>/} or
 * {@code OUT/_review/}, and for review the reason.
 *
 * @param review   null when the clip went to its predicted label's folder
 * @param windows  how many clip-length windows were scored (1 for a clip up to 1.5 model clips; more for longer ones,
 *                 whose score is the mean over the windows)
 * @param notes    what was done to the audio for the model (resampled, mixed down, padded, cut)
 * @param warnings what the WAV reader noticed and worked around (a data size claiming more than the file holds)
 */
public record SortedClip(
        Path source,
        Path destination,
        String predicted,
        float score,
        ReviewReason review,
        int windows,
        List<Note> notes,
        List<String> warnings) {
    public SortedClip {
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
    }

    public boolean toReview() {
        return review != null;
    }

    /** Why a clip went to {@code _review/} rather than to the folder of its predicted label. */
    public enum ReviewReason {
        /** The top score was below {@code --min-score}. */
        BELOW_MIN_SCORE,
        /** The top label is {@code _silence_}, {@code _unknown_} or another name that is not a training folder. */
        NOT_A_LABEL
    }
}
