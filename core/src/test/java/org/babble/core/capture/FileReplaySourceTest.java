package org.babble.core.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Arrays;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavWriter;
import org.babble.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileReplaySourceTest {
    @TempDir
    Path dir;

    @Test
    void loopsDeliverTheFileBackToBackThenEnd() {
        float[] samples = Signals.chirp(100, 3000, 0.5, 8000, 2500);
        Path wav = dir.resolve("short.wav");
        WavWriter.write(wav, AudioClip.mono(8000, samples), WavWriter.Depth.FLOAT32);
        float[] all = new float[3 * samples.length];
        int got = 0;
        try (FileReplaySource source = new FileReplaySource(wav, ReplaySpeed.MAX, 3)) {
            float[][] block = new float[1][1000];
            for (int n; (n = source.read(block, 1000)) >= 0; ) {
                System.arraycopy(block[0], 0, all, got, n);
                got += n;
            }
            assertEquals(-1, source.read(block, 1000), "stays ended");
        }
        assertEquals(3 * samples.length, got);
        for (int loop = 0; loop < 3; loop++) {
            assertArrayEquals(
                    samples,
                    Arrays.copyOfRange(all, loop * samples.length, (loop + 1) * samples.length),
                    "loop " + loop);
        }
    }

    @Test
    void atLeastOneLoop() {
        assertThrows(
                IllegalArgumentException.class, () -> new FileReplaySource(dir.resolve("x.wav"), ReplaySpeed.MAX, 0));
    }
}
