package org.babble.core.streaming;

import org.babble.core.recognition.Episode;

/**
 * An episode as the smoothing path reported it, and when a live listener would first have known: the end of the window
 * whose score opened it, since monitor cannot score a window before its audio is in.
 */
public record Detection(Episode episode, long detectedAtMs) {
    public String label() {
        return episode.label();
    }
}
