package org.babble.core.frozen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A batch split across cores scores every clip exactly as one forward pass does clip by clip, in order. */
class PlainScorerTest {
    private static final int FRAMES = 21;
    private static final int BINS = 6;

    private static float[] gaussian(Random random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    private static TcResnetWeights network() {
        Random random = new Random(3);
        return new TcResnetWeights(
                BINS,
                List.of(
                        new TcResnetWeights.Stage(3, 1, BINS, 8, gaussian(random, 3 * BINS * 8), gaussian(random, 8)),
                        new TcResnetWeights.Stage(4, 2, 8, 5, gaussian(random, 4 * 8 * 5), gaussian(random, 5))),
                TcResnetWeights.Pooling.MAX,
                4,
                gaussian(random, 5 * 4),
                gaussian(random, 4));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 16, 17, 101})
    void aBatchScoresAsClipByClip(int clips) {
        TcResnetWeights weights = network();
        int perClip = FRAMES * BINS;
        float[] features = gaussian(new Random(clips), clips * perClip);
        float[][] batch = new PlainScorer(weights, FRAMES, perClip).scores(features, clips);
        TcResnetForwardPass one = new TcResnetForwardPass(weights, FRAMES);
        assertEquals(clips, batch.length);
        for (int c = 0; c < clips; c++) {
            assertArrayEquals(one.scores(features, c * perClip), batch[c], "clip " + c + " of " + clips);
        }
    }
}
