package org.babble.core.monitor;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavWriter;

/**
 * Keeps the audio of detected episodes for the next training round: a mono history of the last {@code historyMs} (an
 * episode's start is known only after smoothing, a little late), grown while an episode is open, and written as
 * clip-length pieces {@code DIR/<label>/<start>_nohash_<i>.wav}: the folder layout babble's datasets use, with every
 * piece of one episode sharing a source name so a split keeps them on one side. Capped at {@code maxMs} per episode.
 */
public final class EpisodeAudio {
    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss").withZone(ZoneId.systemDefault());

    private final Path dir;
    private final int rate;
    private final float[] history;
    private final int clipFrames;
    private final int maxFrames;
    private long written; // frames ever appended
    private final Map<String, Growing> open = new HashMap<>();

    private static final class Growing {
        final long firstFrame;
        float[] samples = new float[0];
        int length;

        Growing(long firstFrame) {
            this.firstFrame = firstFrame;
        }
    }

    public EpisodeAudio(Path dir, int rate, long clipMs, long historyMs, long maxMs) {
        this.dir = dir;
        this.rate = rate;
        this.history = new float[(int) (historyMs * rate / 1000)];
        this.clipFrames = (int) (clipMs * rate / 1000);
        this.maxFrames = (int) Math.min(Integer.MAX_VALUE - 8, maxMs * rate / 1000);
    }

    /** Adds captured frames (mixed down to mono). */
    public void append(float[][] block, int frames) {
        for (int i = 0; i < frames; i++) {
            float sum = 0;
            for (float[] channel : block) {
                sum += channel[i];
            }
            float mono = sum / block.length;
            history[(int) (written % history.length)] = mono;
            written++;
            for (Growing g : open.values()) {
                if (g.length < maxFrames) {
                    if (g.length == g.samples.length) {
                        g.samples = Arrays.copyOf(g.samples, Math.max(1024, Math.min(maxFrames, g.length * 2)));
                    }
                    g.samples[g.length++] = mono;
                }
            }
        }
    }

    /** Starts keeping {@code label}'s audio from {@code startMs} (audio time since the run began). */
    public void start(String label, long startMs) {
        long first = Math.max(Math.max(0, written - history.length), startMs * rate / 1000);
        Growing g = new Growing(first);
        for (long f = first; f < written; f++) {
            if (g.length == g.samples.length) {
                g.samples = Arrays.copyOf(g.samples, Math.max(1024, g.length * 2));
            }
            g.samples[g.length++] = history[(int) (f % history.length)];
        }
        open.put(label, g);
    }

    /** Writes the episode {@code [startMs, endMs)} and forgets it; returns the pieces written. */
    public List<Path> finish(String label, long startMs, long endMs, Instant wallStart) {
        Growing g = open.remove(label);
        if (g == null) {
            return List.of();
        }
        int from = (int) Math.max(0, startMs * rate / 1000 - g.firstFrame);
        int to = (int) Math.min(g.length, endMs * rate / 1000 - g.firstFrame);
        List<Path> pieces = new ArrayList<>();
        String source = NAME.format(wallStart);
        for (int at = from; at + clipFrames <= to || (pieces.isEmpty() && at < to); at += clipFrames) {
            float[] piece = Arrays.copyOfRange(g.samples, at, at + clipFrames); // zero-padded past the end
            Path file = dir.resolve(label).resolve(source + "_nohash_" + pieces.size() + ".wav");
            WavWriter.write(file, AudioClip.mono(rate, piece));
            pieces.add(file);
        }
        return pieces;
    }
}
