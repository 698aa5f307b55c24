package org.babble.core.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Episodes from window scores whose ground truth is known: 5-s windows every 2.5 s, as classify makes them. */
class EpisodeDetectorTest {
    private static final List<String> LABELS = List.of("_silence_", "crying", "room_empty");
    private static final long CLIP = 5000;
    private static final long HOP = 2500;

    /** Scores for windows starting every hop: crying (0.95) where {@code crying[i]}, else room_empty (0.9). */
    private static List<Episode> run(RecognitionSettings settings, boolean... crying) {
        EpisodeDetector detector = new EpisodeDetector(LABELS, settings);
        for (int i = 0; i < crying.length; i++) {
            float[] s = crying[i] ? new float[] {0.01f, 0.95f, 0.04f} : new float[] {0.05f, 0.05f, 0.9f};
            detector.add(i * HOP, i * HOP + CLIP, s);
        }
        return detector.finish();
    }

    private static List<Episode> crying(List<Episode> episodes) {
        return episodes.stream().filter(e -> e.label().equals("crying")).toList();
    }

    @Test
    void oneRunOfCryingWindowsIsOneEpisodeSpanningThem() {
        // windows 4..7 (starting 10.0 s to 17.5 s) cry: together they cover 10.0 s to 17.5 + 5 = 22.5 s
        List<Episode> episodes = crying(run(
                RecognitionSettings.forWindows(CLIP, HOP),
                false,
                false,
                false,
                false,
                true,
                true,
                true,
                true,
                false,
                false,
                false,
                false));
        assertEquals(List.of(new Episode("crying", 10_000, 22_500, 0.95f)), episodes);
    }

    @Test
    void aSingleCryingWindowAmongQuietOnesIsNotAnEpisodeAtThreshold05() {
        // one window at 0.95 averaged with two quiet ones gives (0.95 + 0.05 + 0.05) / 3 = 0.35 < 0.5
        assertEquals(
                List.of(),
                crying(run(RecognitionSettings.forWindows(CLIP, HOP), false, false, false, true, false, false, false)));
    }

    @Test
    void runsSeparatedByLessThanTheSuppressionTimeMerge() {
        RecognitionSettings settings = new RecognitionSettings(CLIP, 0.5, 20_000, 2);
        List<Episode> episodes = crying(
                run(settings, false, true, true, true, false, false, false, false, true, true, true, false, false));
        assertEquals(1, episodes.size(), episodes.toString());
    }

    @Test
    void runsFurtherApartThanTheSuppressionTimeAreSeparateEpisodes() {
        List<Episode> episodes = crying(run(
                RecognitionSettings.forWindows(CLIP, HOP),
                false,
                true,
                true,
                true,
                false,
                false,
                false,
                false,
                false,
                false,
                true,
                true,
                true,
                false,
                false));
        assertEquals(2, episodes.size(), episodes.toString());
        assertEquals(2_500, episodes.get(0).startMs());
        assertEquals(25_000, episodes.get(1).startMs());
    }

    @Test
    void underscoreLabelsAreNeverReported() {
        EpisodeDetector detector = new EpisodeDetector(LABELS, RecognitionSettings.forWindows(CLIP, HOP));
        for (int i = 0; i < 10; i++) {
            detector.add(i * HOP, i * HOP + CLIP, new float[] {0.98f, 0.01f, 0.01f});
        }
        assertEquals(List.of(), detector.finish());
    }

    @Test
    void episodesPrintAsClassifyShowsThem() {
        assertEquals(
                "crying 00:00:45.0\u201300:00:50.0 (peak 0.97)", new Episode("crying", 45_000, 50_000, 0.97).format());
        assertEquals(
                "laughing 01:02:03.5\u201301:02:08.5 (peak 0.50)",
                new Episode("laughing", 3_723_450, 3_728_460, 0.5).format());
    }
}
