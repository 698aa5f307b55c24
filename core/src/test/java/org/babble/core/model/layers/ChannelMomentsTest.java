package org.babble.core.model.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link ChannelMoments} rounds as ND4J's {@code mean(0, 2, 3)} and {@code var(false, 0, 2, 3)} round, bit for bit. */
class ChannelMomentsTest {
    @ParameterizedTest(name = "{0} x {1} x {2}")
    @CsvSource({
        "100, 64, 50",
        "100, 96, 25",
        "100, 128, 13",
        "37, 64, 50",
        "3, 16, 7",
        "1, 64, 50",
        "100, 4, 500",
        "1, 8, 20000",
        "2, 3, 1",
        "100, 64, 1",
        "5, 1, 9",
        "1, 1, 1",
        "64, 5, 3000"
    })
    void matchesNd4jsReductions(int batch, int channels, int positions) {
        Random random = new Random(batch * 31L + channels * 7L + positions);
        float[] values = new float[batch * channels * positions];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * 3 + 1.5);
        }
        INDArray array = Nd4j.create(values, new long[] {batch, channels, positions, 1}, 'c');
        float[] mean = new float[channels];
        float[] variance = new float[channels];
        ChannelMoments.mean(values, batch, channels, positions, mean);
        ChannelMoments.variance(values, batch, channels, positions, variance);
        assertArrayEquals(array.mean(0, 2, 3).toFloatVector(), mean, "mean");
        assertArrayEquals(array.var(false, 0, 2, 3).toFloatVector(), variance, "variance");
    }
}
