package org.babble.core.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.babble.core.inference.WindowScores;
import org.babble.core.recognition.Episode;
import org.babble.core.recognition.EpisodeDetector;
import org.babble.core.recognition.RecognitionSettings;
import org.junit.jupiter.api.Test;

class DetectionsTest {
    static final List<String> LABELS = List.of("_silence_", "quiet", "crying");
    static final long CLIP = 1000;
    static final long HOP = 500;

    /** Windows of one second every half second over {@code seconds}, crying in the given whole seconds. */
    static List<WindowScores> windows(int seconds, int... cryingSeconds) {
        List<WindowScores> windows = new ArrayList<>();
        for (long start = 0; start + CLIP <= seconds * 1000L; start += HOP) {
            boolean crying = false;
            for (int s : cryingSeconds) {
                crying |= start >= s * 1000L && start < (s + 1) * 1000L;
            }
            windows.add(new WindowScores(
                    start,
                    start + CLIP,
                    crying ? new float[] {0.02f, 0.03f, 0.95f} : new float[] {0.05f, 0.9f, 0.05f}));
        }
        return windows;
    }

    @Test
    void givesExactlyTheEpisodesClassifyAndMonitorFindWithTheWindowEndThatOpenedEach() {
        RecognitionSettings settings = RecognitionSettings.forWindows(CLIP, HOP);
        List<WindowScores> windows = windows(60, 10, 11, 12, 40, 41);
        EpisodeDetector reference = new EpisodeDetector(LABELS, settings);
        windows.forEach(w -> reference.add(w.startMs(), w.endMs(), w.scores()));
        List<Episode> expected = reference.finish();

        List<Detection> detections = Detections.of(LABELS, settings, windows);
        assertEquals(expected, detections.stream().map(Detection::episode).toList());
        assertEquals(
                List.of("quiet", "crying", "quiet", "crying", "quiet"),
                detections.stream().map(Detection::label).toList());
        // The second crying window (10.5 s) is the first with two crying results in the average: known at its end.
        Detection first = detections.get(1);
        assertEquals(11_500, first.detectedAtMs(), first.toString());
        assertEquals(41_500, detections.get(3).detectedAtMs());
    }
}
