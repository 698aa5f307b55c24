package org.babble.core.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.TargetDataLine;
import org.babble.core.audio.WavReader;
import org.babble.core.audio.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceSourceTest {
    private static final int RATE = 1000;
    private static final int BUFFER_FRAMES = 200;

    /**
     * A stand-in for a mono 16-bit line: frame {@code i} holds the value {@code i}; {@code jumps} says how far the
     * device's clock runs ahead of the reader before each read (frames the reader never sees).
     */
    private static TargetDataLine line(int totalFrames, long... jumps) {
        long[] position = {0};
        int[] next = {0};
        int[] reads = {0};
        return (TargetDataLine) Proxy.newProxyInstance(
                TargetDataLine.class.getClassLoader(),
                new Class<?>[] {TargetDataLine.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBufferSize" -> BUFFER_FRAMES * 2;
                    case "isOpen" -> true;
                    case "getLongFramePosition" -> {
                        long jump = reads[0] < jumps.length ? jumps[reads[0]] : 0;
                        next[0] += (int) jump;
                        position[0] = next[0] + 100; // the device is always 100 frames ahead, within its buffer
                        yield position[0];
                    }
                    case "read" -> {
                        reads[0]++;
                        byte[] bytes = (byte[]) args[0];
                        int frames = Math.min((Integer) args[2] / 2, totalFrames - next[0]);
                        for (int i = 0; i < Math.max(0, frames); i++) {
                            short v = (short) (next[0] + i);
                            bytes[2 * i] = (byte) v;
                            bytes[2 * i + 1] = (byte) (v >> 8);
                        }
                        next[0] += Math.max(0, frames);
                        yield Math.max(0, frames) * 2;
                    }
                    case "stop", "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void decodesLittleEndian16BitFrames() {
        DeviceSource source = new DeviceSource(line(50), new CaptureFormat(RATE, 1, WavWriter.Depth.PCM16), "fake");
        float[][] block = new float[1][50];
        assertEquals(50, source.read(block, 50));
        for (int i = 0; i < 50; i++) {
            assertEquals(i / 32768f, block[0][i], "frame " + i);
        }
        assertEquals(-1, source.read(block, 50), "a read that returns nothing means the device stopped");
    }

    @Test
    void framesTheDeviceOverwroteAreReportedAndLaterChunkNamesStayOnTheSampleClock(@TempDir Path dir) {
        // before the 3rd read the device runs 1300 frames ahead: its 200-frame buffer cannot hold 1400 unread frames
        DeviceSource source =
                new DeviceSource(line(3000, 0, 0, 1300), new CaptureFormat(RATE, 1, WavWriter.Depth.PCM16), "fake");
        List<Long> lost = new ArrayList<>();
        RecordSummary summary = new ChunkRecorder(
                        source,
                        new RecordSettings(
                                dir,
                                Duration.ofSeconds(1),
                                null,
                                null,
                                LocalDateTime.of(2026, 11, 21, 3, 0, 0),
                                Retention.keepAll()),
                        new RecordListener() {
                            @Override
                            public void framesLost(long frames) {
                                lost.add(frames);
                            }
                        })
                .record();
        assertEquals(List.of(1200L), lost, "1300 ahead plus 100 in flight, less the 200-frame buffer");
        assertEquals(1200, source.lostFrames());
        assertEquals(3000 - 1300, summary.frames());
        assertEquals(
                List.of("2026-11-21T03-00-00.wav", "2026-11-21T03-00-02.wav"),
                summary.chunks().stream().map(p -> p.getFileName().toString()).toList(),
                "the second chunk starts after 1000 recorded + 1200 lost frames");
        float[] first = WavReader.read(summary.chunks().get(0)).clip().channel(0);
        // the recorder reads 100-frame blocks: frames 0-199, then the device skips ahead to frame 1500
        assertEquals(199 / 32768f, first[199], "the last frame before the overrun");
        assertEquals(1500 / 32768f, first[200], "then the frames the device kept");
    }
}
