package org.babble.core.monitor.store;

import java.util.Locale;
import java.util.Optional;

/**
 * What a person said of a detected episode, from the web page: the detection was right, or it was a false alarm. The
 * false-alarm loop ({@code babble label --review}) turns these into next round's training clips.
 */
public enum Verdict {
    RIGHT,
    FALSE_ALARM;

    /** The word stored in the database and used by the web API: {@code right} or {@code false_alarm}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The verdict a word names, if any. */
    public static Optional<Verdict> of(String word) {
        for (Verdict v : values()) {
            if (v.word().equals(word)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
