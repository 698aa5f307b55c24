package org.babble.core.monitor;

import java.time.Instant;
import org.babble.core.recognition.Episode;

/** What a monitor run reports as it goes, so the command line can draw one status line instead of a log flood. */
public interface MonitorListener {
    /** A window was classified: its start, top label and score, and its RMS level in dBFS. */
    default void window(Instant start, String topLabel, double score, double levelDb) {}

    /**
     * The same window's score for every label, in the model's label order, for listeners that follow more than the top
     * label (the MQTT publisher). The array belongs to the monitor and is reused: copy what is kept.
     */
    default void scores(Instant start, float[] scores) {}

    /** An episode started ({@code episode} as it stands now; it may still grow). */
    default void episodeStarted(Instant start, Episode episode) {}

    default void episodeEnded(Instant start, Instant end, Episode episode) {}

    /** Something the user should know (device lost, retrying; hook failed). */
    default void note(String message) {}

    /** Both listeners hear every event, {@code first} before {@code second}. */
    static MonitorListener both(MonitorListener first, MonitorListener second) {
        return new MonitorListener() {
            @Override
            public void window(Instant start, String topLabel, double score, double levelDb) {
                first.window(start, topLabel, score, levelDb);
                second.window(start, topLabel, score, levelDb);
            }

            @Override
            public void scores(Instant start, float[] scores) {
                first.scores(start, scores);
                second.scores(start, scores);
            }

            @Override
            public void episodeStarted(Instant start, Episode episode) {
                first.episodeStarted(start, episode);
                second.episodeStarted(start, episode);
            }

            @Override
            public void episodeEnded(Instant start, Instant end, Episode episode) {
                first.episodeEnded(start, end, episode);
                second.episodeEnded(start, end, episode);
            }

            @Override
            public void note(String message) {
                first.note(message);
                second.note(message);
            }
        };
    }
}
