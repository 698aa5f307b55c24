package org.babble.core.inference;

import java.util.List;
import org.babble.core.prep.Note;

/**
 * Scores of every window over a recording longer than the model's clip, and what was done to the audio first.
 *
 * @param windows  in time order
 * @param notes    mixed down, resampled
 * @param hopMs    distance between window starts (the last window may be shifted to end with the recording)
 */
public record WindowedScores(List<WindowScores> windows, List<Note> notes, long hopMs) {
    public WindowedScores {
        windows = List.copyOf(windows);
        notes = List.copyOf(notes);
    }

    /** Mean score of each label over all windows: one summary row per recording. */
    public float[] meanScores() {
        int labels = windows.get(0).scores().length;
        double[] sum = new double[labels];
        for (WindowScores w : windows) {
            float[] s = w.scores();
            for (int i = 0; i < labels; i++) {
                sum[i] += s[i];
            }
        }
        float[] mean = new float[labels];
        for (int i = 0; i < labels; i++) {
            mean[i] = (float) (sum[i] / windows.size());
        }
        return mean;
    }
}
