package org.babble.core.capture;

import org.babble.core.audio.AudioClip;

/**
 * Plays a clip to a person who is labelling it. Labelling must work over ssh and in CI, so "no speakers" is an ordinary
 * case: {@link #silent()} plays nothing and says so once.
 */
public interface Playback extends AutoCloseable {

    /** Starts playing {@code clip}, stopping whatever played before; returns without waiting for the end. */
    void play(AudioClip clip);

    /** Stops what is playing, if anything: the next key interrupts the clip. */
    void stop();

    /** Whether sound actually comes out. */
    boolean audible();

    @Override
    void close();

    /** Plays nothing. */
    static Playback silent() {
        return new Playback() {
            @Override
            public void play(AudioClip clip) {
                // nothing to play on
            }

            @Override
            public void stop() {
                // nothing plays
            }

            @Override
            public boolean audible() {
                return false;
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    /** The default speakers when javax.sound has an output line, otherwise {@link #silent()}. */
    static Playback speakersOrSilent() {
        return SpeakerPlayback.available() ? new SpeakerPlayback() : silent();
    }
}
