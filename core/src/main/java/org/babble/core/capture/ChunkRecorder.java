package org.babble.core.capture;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavWriter;
import org.babble.core.meter.Level;
import org.babble.core.meter.LevelMeter;

/**
 * Records a source into consecutive WAV chunks without losing a frame between them: every frame read goes into exactly
 * one chunk, each chunk is written atomically and named by the time of its first frame. {@link #requestStop()} (from a
 * Ctrl-C hook) makes the loop write what it has of the current chunk and return.
 */
public final class ChunkRecorder {
    private static final double BLOCK_SECONDS = 0.1;

    private final AudioSource source;
    private final RecordSettings settings;
    private final RecordListener listener;
    private volatile boolean stopRequested;

    public ChunkRecorder(AudioSource source, RecordSettings settings, RecordListener listener) {
        this.source = source;
        this.settings = settings;
        this.listener = listener;
    }

    /** Asks the running {@link #record()} to finish its current chunk and return; safe from any thread. */
    public void requestStop() {
        stopRequested = true;
    }

    public RecordSummary record() {
        CaptureFormat format = source.format();
        int rate = format.sampleRate();
        int channels = format.channels();
        int chunkFrames = settings.chunkFrames(rate);
        long totalFrames = settings.totalFrames(rate);
        int blockFrames = (int) Math.max(1, Math.min(chunkFrames, Math.round(BLOCK_SECONDS * rate)));

        float[][] chunk = new float[channels][chunkFrames];
        float[][] block = new float[channels][blockFrames];
        List<Path> written = new ArrayList<>();
        int filled = 0;
        long recorded = 0;
        long chunkStartFrame = 0;
        long lostReported = 0;
        LevelMeter blockMeter = new LevelMeter();
        LevelMeter chunkMeter = new LevelMeter();

        while (!stopRequested && recorded < totalFrames) {
            int want = (int) Math.min(Math.min(blockFrames, chunkFrames - filled), totalFrames - recorded);
            int got = source.read(block, want);
            if (got < 0) {
                break;
            }
            if (filled == 0) {
                chunkStartFrame = recorded + source.lostFrames();
            }
            for (int c = 0; c < channels; c++) {
                System.arraycopy(block[c], 0, chunk[c], filled, got);
            }
            filled += got;
            recorded += got;
            blockMeter.reset();
            blockMeter.add(block, got);
            chunkMeter.add(block, got);
            listener.block(blockMeter.level(), recorded);
            long lost = source.lostFrames();
            if (lost > lostReported) {
                listener.framesLost(lost - lostReported);
                lostReported = lost;
            }
            if (filled == chunkFrames) {
                written.add(writeChunk(chunk, filled, chunkStartFrame, format, chunkMeter.level()));
                chunkMeter.reset();
                filled = 0;
                if (settings.count() != null && written.size() >= settings.count()) {
                    break;
                }
            }
        }
        if (filled > 0) {
            written.add(writeChunk(chunk, filled, chunkStartFrame, format, chunkMeter.level()));
        }
        return new RecordSummary(written, recorded, source.lostFrames(), stopRequested);
    }

    private Path writeChunk(float[][] chunk, int frames, long startFrame, CaptureFormat format, Level level) {
        float[][] samples = new float[chunk.length][];
        for (int c = 0; c < chunk.length; c++) {
            samples[c] = Arrays.copyOf(chunk[c], frames);
        }
        long startNanos = Math.round(startFrame * 1e9 / format.sampleRate());
        LocalDateTime start = settings.startTime().plusNanos(startNanos);
        Path file = ChunkNames.next(settings.out(), start);
        WavWriter.write(file, new AudioClip(format.sampleRate(), samples), format.depth());
        listener.chunkWritten(file, frames, level);
        LocalDateTime now = LocalDateTime.now(ZoneId.systemDefault()); // chunk names are local time
        for (Path removed : ChunkRetention.apply(settings.out(), settings.retention(), now)) {
            listener.chunkRemoved(removed);
        }
        return file;
    }
}
