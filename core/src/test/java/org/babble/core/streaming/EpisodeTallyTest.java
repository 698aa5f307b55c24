package org.babble.core.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.babble.core.recognition.Episode;
import org.junit.jupiter.api.Test;

class EpisodeTallyTest {
    private static final long HOUR = 3_600_000;

    private static Detection cry(long startMs, long endMs, long detectedAtMs) {
        return new Detection(new Episode("crying", startMs, endMs, 0.9), detectedAtMs);
    }

    @Test
    void anEpisodeTouchedByADetectionIsFoundAndTheRestAreMissed() {
        EpisodeTally tally = new EpisodeTally("crying", 0);
        tally.add(
                HOUR,
                List.of(new TruthEpisode("crying", 10_000, 20_000), new TruthEpisode("crying", 60_000, 65_000)),
                List.of(cry(12_000, 18_000, 17_000)));
        LabelFigures f = tally.figures();
        assertEquals(2, f.episodes());
        assertEquals(1, f.found());
        assertEquals(1, f.missed());
        assertEquals(0.5, f.missRate());
        assertEquals(0, f.falseAlarms());
    }

    @Test
    void aDetectionNearNoEpisodeOfItsLabelIsAFalseAlarmPerHourOfAudioWithoutTheLabel() {
        EpisodeTally tally = new EpisodeTally("crying", 0);
        // 30 min of audio, 6 min of it crying: three false alarms over 24 min of negative audio = 7.5 per hour.
        tally.add(
                HOUR / 2,
                List.of(new TruthEpisode("crying", 0, 360_000), new TruthEpisode("laughing", 400_000, 410_000)),
                List.of(
                        cry(100_000, 105_000, 104_000),
                        cry(400_000, 405_000, 404_000),
                        cry(900_000, 905_000, 904_000),
                        cry(1_500_000, 1_505_000, 1_504_000)));
        LabelFigures f = tally.figures();
        assertEquals(3, f.falseAlarms(), "the one inside a laughing episode counts too");
        assertEquals(0.4, f.negativeHours(), 1e-12);
        assertEquals(7.5, f.falseAlarmsPerHour(), 1e-9);
    }

    @Test
    void toleranceLetsADetectionJustOutsideAnEpisodeFindIt() {
        List<TruthEpisode> truth = List.of(new TruthEpisode("crying", 10_000, 15_000));
        List<Detection> late = List.of(cry(15_500, 20_000, 20_000));
        EpisodeTally strict = new EpisodeTally("crying", 0);
        strict.add(HOUR, truth, late);
        EpisodeTally lenient = new EpisodeTally("crying", 1_000);
        lenient.add(HOUR, truth, late);
        assertEquals(0, strict.figures().found());
        assertEquals(1, strict.figures().falseAlarms());
        assertEquals(1, lenient.figures().found());
        assertEquals(0, lenient.figures().falseAlarms());
    }

    @Test
    void latencyRunsFromTheOnsetToTheFirstDetectionAndIsNeverNegative() {
        EpisodeTally tally = new EpisodeTally("crying", 0);
        tally.add(
                HOUR,
                List.of(
                        new TruthEpisode("crying", 10_000, 30_000),
                        new TruthEpisode("crying", 100_000, 110_000),
                        new TruthEpisode("crying", 200_000, 210_000)),
                List.of(cry(9_000, 30_000, 14_000), cry(95_000, 112_000, 99_000), cry(200_000, 210_000, 207_000)));
        LabelFigures f = tally.figures();
        assertEquals(3, f.found());
        assertEquals(4_000, f.medianLatencyMs(), "latencies 4 s, 0 s (alarm already on) and 7 s");
        assertEquals(7_000, f.worstLatencyMs());
    }

    @Test
    void coveredSecondsCountOverlappingDetectionsOnce() {
        EpisodeTally tally = new EpisodeTally("crying", 0);
        tally.add(
                HOUR,
                List.of(new TruthEpisode("crying", 10_000, 30_000)),
                List.of(cry(5_000, 20_000, 9_000), cry(15_000, 25_000, 19_000)));
        LabelFigures f = tally.figures();
        assertEquals(20.0, f.truthSeconds());
        assertEquals(15.0, f.coveredSeconds(), "10-25 s of the 10-30 s episode");
    }

    @Test
    void nothingFoundGivesNoLatencyAndNoAudioGivesNoRate() {
        LabelFigures f = new EpisodeTally("crying", 0).figures();
        assertEquals(-1, f.medianLatencyMs());
        assertEquals(-1, f.worstLatencyMs());
        assertEquals(0, f.falseAlarmsPerHour());
        assertThrows(IllegalArgumentException.class, () -> new EpisodeTally("crying", -1));
    }
}
