package org.babble.core.capture;

import java.nio.file.Path;
import org.babble.core.meter.Level;

/** What a recording reports while it runs: a level meter per block, each chunk written, frames found lost. */
public interface RecordListener {

    /** A block arrived; {@code level} is its peak/RMS, {@code recordedFrames} the total so far. */
    default void block(Level level, long recordedFrames) {}

    /** A chunk was written (atomically) with {@code frames} frames. */
    default void chunkWritten(Path file, int frames, Level level) {}

    /** The source lost {@code frames} frames (device overrun) since the last report. */
    default void framesLost(long frames) {}

    /** Old chunks removed by retention. */
    default void chunkRemoved(Path file) {}
}
