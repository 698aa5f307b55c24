package org.babble.core.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.DecodedWav;
import org.babble.core.audio.WavReader;
import org.babble.core.audio.WavWriter;
import org.babble.core.meter.Level;
import org.babble.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkRecorderTest {
    private static final int RATE = 8000;
    private static final LocalDateTime START = LocalDateTime.of(2026, 11, 21, 3, 58, 24);

    @TempDir
    Path dir;

    /** A 2.5-s stereo 24-bit file: noise left, chirp right. */
    private Path source() {
        int frames = RATE * 5 / 2;
        AudioClip clip = new AudioClip(
                RATE, new float[][] {Signals.noise(0.2, 1, frames), Signals.chirp(100, 3000, 0.5, RATE, frames)});
        Path file = dir.resolve("in.wav");
        WavWriter.write(file, clip, WavWriter.Depth.PCM24);
        return file;
    }

    private RecordSettings settings(Path out, Duration chunk, Duration duration, Integer count) {
        return new RecordSettings(out, chunk, duration, count, START, Retention.keepAll());
    }

    private static float[][] concat(List<Path> chunks) {
        List<AudioClip> clips = new ArrayList<>();
        for (Path chunk : chunks) {
            clips.add(WavReader.read(chunk).clip());
        }
        int channels = clips.get(0).channelCount();
        int frames = clips.stream().mapToInt(AudioClip::frames).sum();
        float[][] all = new float[channels][frames];
        int at = 0;
        for (AudioClip clip : clips) {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(clip.channel(c), 0, all[c], at, clip.frames());
            }
            at += clip.frames();
        }
        return all;
    }

    @Test
    void chunksJoinBackToTheSourceExactlyWithAShortLastChunk() {
        Path in = source();
        Path out = dir.resolve("out");
        RecordSummary summary;
        try (AudioSource source = new FileReplaySource(in, ReplaySpeed.MAX)) {
            summary = new ChunkRecorder(
                            source, settings(out, Duration.ofSeconds(1), null, null), new RecordListener() {})
                    .record();
        }
        assertEquals(3, summary.chunks().size(), "2.5 s in 1-s chunks");
        assertEquals(
                List.of("2026-11-21T03-58-24.wav", "2026-11-21T03-58-25.wav", "2026-11-21T03-58-26.wav"),
                summary.chunks().stream().map(p -> p.getFileName().toString()).toList());
        DecodedWav last = WavReader.read(summary.chunks().get(2));
        assertEquals(RATE / 2, last.clip().frames());
        assertEquals(24, last.format().bitsPerSample(), "a 24-bit source gives 24-bit chunks");
        assertArrayEquals(WavReader.read(in).clip().channels(), concat(summary.chunks()), "no frame lost or changed");
        assertEquals(RATE * 5 / 2, summary.frames());
        assertFalse(summary.stopped());
    }

    @Test
    void countAndDurationEndTheRecording() {
        Path in = source();
        try (AudioSource source = new FileReplaySource(in, ReplaySpeed.MAX)) {
            RecordSummary summary = new ChunkRecorder(
                            source,
                            settings(dir.resolve("count"), Duration.ofMillis(500), null, 2),
                            new RecordListener() {})
                    .record();
            assertEquals(2, summary.chunks().size());
            assertEquals(RATE, summary.frames());
        }
        try (AudioSource source = new FileReplaySource(in, ReplaySpeed.MAX)) {
            RecordSummary summary = new ChunkRecorder(
                            source,
                            settings(dir.resolve("duration"), Duration.ofSeconds(1), Duration.ofMillis(1500), null),
                            new RecordListener() {})
                    .record();
            assertEquals(2, summary.chunks().size());
            assertEquals(RATE * 3 / 2, summary.frames());
            assertEquals(
                    RATE / 2, WavReader.read(summary.chunks().get(1)).clip().frames());
        }
    }

    @Test
    void stopMidChunkWritesWhatWasRecordedOfIt() {
        Path in = source();
        try (AudioSource source = new FileReplaySource(in, ReplaySpeed.MAX)) {
            ChunkRecorder[] recorder = new ChunkRecorder[1];
            List<Level> levels = new ArrayList<>();
            RecordListener stopAfter1200ms = new RecordListener() {
                @Override
                public void block(Level level, long recordedFrames) {
                    levels.add(level);
                    if (recordedFrames >= RATE * 6 / 5) {
                        recorder[0].requestStop();
                    }
                }
            };
            recorder[0] = new ChunkRecorder(
                    source, settings(dir.resolve("stop"), Duration.ofSeconds(1), null, null), stopAfter1200ms);
            RecordSummary summary = recorder[0].record();
            assertTrue(summary.stopped());
            assertEquals(2, summary.chunks().size());
            assertEquals(
                    summary.frames() - RATE,
                    WavReader.read(summary.chunks().get(1)).clip().frames());
            float[][] original = WavReader.read(in).clip().channels();
            float[][] joined = concat(summary.chunks());
            for (int c = 0; c < 2; c++) {
                assertArrayEquals(java.util.Arrays.copyOf(original[c], joined[c].length), joined[c]);
            }
            assertTrue(
                    levels.stream().allMatch(l -> l.peakDb() <= 0 && l.rmsDb() < l.peakDb()), "block levels reported");
        }
    }

    @Test
    void retentionRunsAfterEachChunk() {
        Path in = source();
        Path out = dir.resolve("keep");
        try (AudioSource source = new FileReplaySource(in, ReplaySpeed.MAX)) {
            List<Path> removed = new ArrayList<>();
            RecordSummary summary = new ChunkRecorder(
                            source,
                            new RecordSettings(out, Duration.ofMillis(500), null, null, START, new Retention(2, null)),
                            new RecordListener() {
                                @Override
                                public void chunkRemoved(Path file) {
                                    removed.add(file);
                                }
                            })
                    .record();
            assertEquals(5, summary.chunks().size());
            assertEquals(summary.chunks().subList(0, 3), removed, "the oldest three go, the newest two stay");
        }
    }

    @Test
    void realTimeReplayDeliversTheSameSamples() {
        int frames = RATE / 5;
        Path in = dir.resolve("short.wav");
        WavWriter.write(in, AudioClip.mono(RATE, Signals.sine(440, 0.5, RATE, frames)));
        try (AudioSource source = new FileReplaySource(in, ReplaySpeed.REALTIME)) {
            RecordSummary summary = new ChunkRecorder(
                            source,
                            settings(dir.resolve("rt"), Duration.ofSeconds(1), null, null),
                            new RecordListener() {})
                    .record();
            assertArrayEquals(WavReader.read(in).clip().channels(), concat(summary.chunks()));
            assertEquals(0, source.lostFrames());
        }
    }
}
