package org.babble.dataset.label;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Keys typed by the person labelling. A terminal gives each key as it is pressed (the command line's raw-mode source);
 * a pipe of scripted keys ({@code printf '1\n2\nu\nq\n'}) is read by {@link #lines}, where an empty line stands for
 * Enter.
 */
public interface KeySource {
    /** What {@link #next} returns for Enter: accept the model's guess. */
    int ENTER = '\n';

    /** The next key, {@link #ENTER} for Enter, or -1 at the end of input (treated as quit). */
    int next();

    /**
     * Keys from text: every character but whitespace is a key, and an empty line is Enter, so scripts and a terminal
     * without raw mode (keys followed by Enter) behave the same.
     */
    static KeySource lines(Reader in) {
        return new KeySource() {
            private boolean atLineStart = true;

            @Override
            public int next() {
                try {
                    for (int c = in.read(); c >= 0; c = in.read()) {
                        if (c == '\n') {
                            if (atLineStart) {
                                return ENTER;
                            }
                            atLineStart = true;
                        } else if (!Character.isWhitespace(c)) {
                            atLineStart = false;
                            return c;
                        }
                    }
                    return -1;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
