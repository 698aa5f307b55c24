package org.babble.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.babble.core.BabbleException;
import org.babble.core.features.FeatureLayout;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

class ArchitectureTest {
    private static final ModelShape WORD = new ModelShape(98, 40, 4);

    /**
     * Multiply-adds worked out by hand from TF's layer definitions for a 98×40 input and 4 labels, e.g. tiny_conv:
     * 10×8 conv, stride 2, same padding → 49×20×8 outputs × 80 taps = 627,200, plus 7,840 × 4 dense = 31,360.
     */
    @Test
    void multiplyAddsMatchHandCounts() {
        assertEquals(627_200 + 31_360, Architecture.TINY_CONV.multiplyAddsPerClip(WORD));
        assertEquals(3_920 * 4, Architecture.SINGLE_FC.multiplyAddsPerClip(WORD));
        // conv: 98×40×64×(20×8) + 49×20×64×(10×4×64) + 49×20×64×4
        assertEquals(40_140_800L + 160_563_200L + 250_880L, Architecture.CONV.multiplyAddsPerClip(WORD));
        // low_latency_conv: 33×186×(98×8) + 6,138×128 + 128×128 + 128×4
        assertEquals(4_812_192L + 785_664L + 16_384L + 512L, Architecture.LOW_LATENCY_CONV.multiplyAddsPerClip(WORD));
        // tc_resnet at 99 frames, 6 labels: 50×64×(5×40) + 25×96×(9×64) + 13×128×(9×96) + 128×6
        assertEquals(
                640_000L + 1_382_400L + 1_437_696L + 768L,
                Architecture.TC_RESNET.multiplyAddsPerClip(new ModelShape(99, 40, 6)));
        // tc_resnet_max differs only in its pool
        assertEquals(
                640_000L + 1_382_400L + 1_437_696L + 768L,
                Architecture.TC_RESNET_MAX.multiplyAddsPerClip(new ModelShape(99, 40, 6)));
    }

    @Test
    void everyArchitectureMapsItsLayoutToOneProbabilityPerLabel() {
        ModelShape shape = new ModelShape(30, 12, 5);
        for (Architecture a : Architecture.values()) {
            MultiLayerNetwork net = new MultiLayerNetwork(a.configure(shape, 1, 0.5, new Adam(1e-3)));
            net.init();
            float[][][] clips = new float[3][30][12];
            clips[1][4][7] = 1;
            INDArray out = net.output(BatchLayout.arrange(clips, a.layout()), false);
            assertArrayEquals(new long[] {3, 5}, out.shape(), a.flagName());
            for (int i = 0; i < 3; i++) {
                assertEquals(1.0, out.getRow(i).sumNumber().doubleValue(), 1e-4, a.flagName());
            }
        }
    }

    @Test
    void tinyConvHasTfsParameterCount() {
        MultiLayerNetwork net = new MultiLayerNetwork(Architecture.TINY_CONV.configure(WORD, 1, 0.5, new Adam()));
        net.init();
        assertEquals(10 * 8 * 8 + 8 + 7_840 * 4 + 4, net.numParams());
    }

    @Test
    void defaultIsTheTemporalNetworkOverBinsAsChannels() {
        assertEquals(Architecture.TC_RESNET, Architecture.DEFAULT);
        assertEquals(FeatureLayout.CHANNELS, Architecture.DEFAULT.layout());
        assertEquals(Architecture.LOW_LATENCY_CONV, Architecture.parse("low_latency_conv"));
    }

    /** The enum states each layout itself, so that reading one from a model file needs no DL4J class. */
    @Test
    void eachArchitectureStatesItsDesignsLayout() {
        for (Architecture a : Architecture.values()) {
            assertEquals(a.design().layout(), a.layout(), a.flagName());
        }
    }

    @Test
    void unknownNamesListTheChoices() {
        BabbleException e = assertThrows(BabbleException.class, () -> Architecture.parse("resnet50"));
        assertTrue(
                e.getMessage().contains("tc_resnet, tc_resnet_max, conv, low_latency_conv, single_fc, tiny_conv"),
                e.getMessage());
    }

    @Test
    void channelsLayoutPutsBinsFirst() {
        float[][][] clips = {{{1, 2}, {3, 4}, {5, 6}}};
        INDArray channels = BatchLayout.arrange(clips, FeatureLayout.CHANNELS);
        assertArrayEquals(new long[] {1, 2, 3, 1}, channels.shape());
        assertEquals(5, channels.getFloat(0, 0, 2, 0));
        assertEquals(4, channels.getFloat(0, 1, 1, 0));
        INDArray image = BatchLayout.arrange(clips, FeatureLayout.IMAGE);
        assertEquals(4, image.getFloat(0, 0, 1, 1));
        assertArrayEquals(
                new float[] {1, 2, 3, 4, 5, 6},
                BatchLayout.arrange(clips, FeatureLayout.FLAT).toFloatVector());
    }
}
