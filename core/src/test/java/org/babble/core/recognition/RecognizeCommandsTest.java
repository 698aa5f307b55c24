package org.babble.core.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The smoothing rules of TensorFlow's RecognizeCommands, on hand-made score sequences. */
class RecognizeCommandsTest {
    private static final List<String> LABELS = List.of("_silence_", "yes", "no");

    private static float[] scores(double silence, double yes, double no) {
        return new float[] {(float) silence, (float) yes, (float) no};
    }

    private static RecognizeCommands recognizer(long averageMs, double threshold, long suppressionMs, int minimum) {
        return new RecognizeCommands(LABELS, new RecognitionSettings(averageMs, threshold, suppressionMs, minimum));
    }

    @Test
    void tooFewResultsGiveThePreviousLabelWithScoreZero() {
        RecognizeCommands r = recognizer(1000, 0.2, 1500, 3);
        Recognition first = r.process(0, scores(0, 1, 0));
        assertEquals("_silence_", first.label());
        assertEquals(0, first.score());
        assertFalse(first.averaged());
        assertFalse(r.process(30, scores(0, 1, 0)).averaged());
    }

    @Test
    void resultsSpanningLessThanAQuarterOfTheWindowAreNotAveraged() {
        RecognizeCommands r = recognizer(1000, 0.2, 1500, 3);
        r.process(0, scores(0, 1, 0));
        r.process(100, scores(0, 1, 0));
        assertFalse(r.process(200, scores(0, 1, 0)).averaged(), "200 ms < 1000/4");
        assertTrue(r.process(250, scores(0, 1, 0)).averaged(), "250 ms = 1000/4");
    }

    @Test
    void scoresAreAveragedOverTheWindowAndOldResultsDropOut() {
        RecognizeCommands r = recognizer(1000, 0.2, 1500, 2);
        r.process(0, scores(1, 0, 0));
        r.process(500, scores(0, 1, 0));
        Recognition mid = r.process(1000, scores(0, 1, 0));
        assertEquals("yes", mid.label());
        assertEquals(2.0 / 3, mid.score(), 1e-6, "three results in [0, 1000]");
        Recognition later = r.process(1500, scores(0, 0.5, 0.5));
        assertEquals((1 + 1 + 0.5) / 3, later.score(), 1e-6, "the result at 0 ms is older than 1500-1000 and dropped");
    }

    @Test
    void aNewCommandIsAnnouncedOnceThenSuppressed() {
        RecognizeCommands r = recognizer(0, 0.5, 1000, 1);
        assertTrue(r.process(0, scores(0, 0.9, 0.1)).newCommand());
        assertFalse(r.process(100, scores(0, 0.9, 0.1)).newCommand(), "same label again");
        Recognition other = r.process(500, scores(0, 0, 1));
        assertEquals("no", other.label());
        assertFalse(other.newCommand(), "another label within the 1000 ms suppression");
        assertTrue(r.process(1100, scores(0, 0, 1)).newCommand(), "1100 ms after the last announcement");
    }

    @Test
    void scoresAtOrBelowTheThresholdAreNotAnnounced() {
        RecognizeCommands r = recognizer(0, 0.5, 0, 1);
        Recognition weak = r.process(0, scores(0.25, 0.5, 0.25));
        assertEquals("yes", weak.label());
        assertFalse(weak.newCommand(), "0.5 is not above 0.5");
        assertTrue(r.process(10, scores(0.2, 0.6, 0.2)).newCommand());
    }

    @Test
    void silenceNeverSuppressesTheNextCommand() {
        RecognizeCommands r = recognizer(0, 0.5, 10_000, 1);
        assertFalse(r.process(0, scores(1, 0, 0)).newCommand(), "silence is the initial state");
        assertTrue(r.process(10, scores(0, 1, 0)).newCommand());
    }

    @Test
    void resultsMustArriveInOrderWithOneScorePerLabel() {
        RecognizeCommands r = recognizer(1000, 0.2, 1500, 3);
        r.process(100, scores(1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> r.process(50, scores(1, 0, 0)));
        assertThrows(IllegalArgumentException.class, () -> r.process(200, new float[] {1, 0}));
    }

    @Test
    void settingsNameTheBadField() {
        var e = assertThrows(IllegalArgumentException.class, () -> new RecognitionSettings(1000, 1.5, 0, 1));
        assertTrue(e.getMessage().contains("detectionThreshold"), e.getMessage());
    }
}
