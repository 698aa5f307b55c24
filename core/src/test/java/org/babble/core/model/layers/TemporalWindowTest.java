package org.babble.core.model.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.util.ConvolutionUtils;
import org.junit.jupiter.api.Test;

/** {@link TemporalWindow} pads and shrinks time as DL4J's "Same" mode does, for every kernel, stride and length. */
class TemporalWindowTest {
    @Test
    void matchesDl4jsSameMode() {
        for (int kernel = 1; kernel <= 10; kernel++) {
            for (int stride = 1; stride <= 4; stride++) {
                ConvolutionLayer dl4j = new ConvolutionLayer.Builder(kernel, 1)
                        .stride(stride, 1)
                        .convolutionMode(ConvolutionMode.Same)
                        .nIn(3)
                        .nOut(1)
                        .build();
                for (int frames = 1; frames <= 40; frames++) {
                    TemporalWindow window = new TemporalWindow(kernel, stride, frames);
                    String what = "kernel " + kernel + ", stride " + stride + ", " + frames + " frames";
                    long dl4jOut = ((InputType.InputTypeConvolutional)
                                    dl4j.getOutputType(0, InputType.convolutional(frames, 1, 3)))
                            .getHeight();
                    assertEquals(dl4jOut, window.outFrames(), what);
                    int total = (window.outFrames() - 1) * stride + kernel - frames;
                    if (total >= -1) { // DL4J refuses layers whose padding would be negative
                        int[] pad = ConvolutionUtils.getSameModeTopLeftPadding(
                                new int[] {window.outFrames(), 1},
                                new int[] {frames, 1},
                                new int[] {kernel, 1},
                                new int[] {stride, 1},
                                new int[] {1, 1});
                        assertEquals(pad[0], window.padBefore(), what);
                    }
                }
            }
        }
    }
}
