package org.babble.core.capture;

import java.nio.file.Path;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.DecodedWav;
import org.babble.core.audio.LosslessDepth;
import org.babble.core.audio.WavReader;

/**
 * Replays a WAV file as if it were a microphone, in real time or as fast as possible, once or {@code loops} times back
 * to back (a two-minute night rehearses 24 hours; time runs on across loops as a device's would). Never loses a frame.
 */
public final class FileReplaySource implements AudioSource {
    private final Path file;
    private final AudioClip clip;
    private final CaptureFormat format;
    private final ReplaySpeed speed;
    private final int loops;
    private int loop;
    private int position;
    private long delivered;
    private long startNanos = -1;

    public FileReplaySource(Path file, ReplaySpeed speed) {
        this(file, speed, 1);
    }

    /** Replays {@code file} {@code loops} times (at least once). */
    public FileReplaySource(Path file, ReplaySpeed speed, int loops) {
        if (loops < 1) {
            throw new IllegalArgumentException("loops must be at least 1, got " + loops);
        }
        this.file = file;
        this.speed = speed;
        this.loops = loops;
        DecodedWav decoded = WavReader.read(file);
        this.clip = decoded.clip();
        this.format = new CaptureFormat(clip.sampleRate(), clip.channelCount(), LosslessDepth.of(decoded.format()));
    }

    @Override
    public CaptureFormat format() {
        return format;
    }

    @Override
    public int read(float[][] into, int maxFrames) {
        if (position >= clip.frames() && loop + 1 < loops) {
            loop++;
            position = 0;
        }
        if (position >= clip.frames()) {
            return -1;
        }
        int frames = Math.min(maxFrames, clip.frames() - position);
        if (speed == ReplaySpeed.REALTIME) {
            waitUntilDue(delivered + frames);
        }
        for (int c = 0; c < format.channels(); c++) {
            System.arraycopy(clip.channel(c), position, into[c], 0, frames);
        }
        position += frames;
        delivered += frames;
        return frames;
    }

    private void waitUntilDue(long frameCount) {
        if (startNanos < 0) {
            startNanos = System.nanoTime();
        }
        long due = startNanos + frameCount * 1_000_000_000L / format.sampleRate();
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public long lostFrames() {
        return 0;
    }

    @Override
    public String describe() {
        return file.getFileName()
                + (loops > 1 ? " \u00d7" + loops : "")
                + (speed == ReplaySpeed.MAX ? " (replayed at max speed)" : " (replayed in real time)");
    }

    @Override
    public void close() {
        loop = loops;
        position = clip.frames();
    }
}
