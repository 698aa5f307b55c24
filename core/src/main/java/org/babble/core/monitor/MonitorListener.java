package org.babble.core.monitor;

import java.time.Instant;
import org.babble.core.recognition.Episode;

/** What a monitor run reports as it goes, so the command line can draw one status line instead of a log flood. */
public interface MonitorListener {
    /** A window was classified: its start, top label and score, and its RMS level in dBFS. */
    default void window(Instant start, String topLabel, double score, double levelDb) {}

    /** An episode started ({@code episode} as it stands now; it may still grow). */
    default void episodeStarted(Instant start, Episode episode) {}

    default void episodeEnded(Instant start, Instant end, Episode episode) {}

    /** Something the user should know (device lost, retrying; hook failed). */
    default void note(String message) {}
}
