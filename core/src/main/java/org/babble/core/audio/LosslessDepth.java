package org.babble.core.audio;

/**
 * The {@link WavWriter.Depth} that stores a decoded file's samples without loss, so cutting a recording into pieces
 * (chunks, labelled clips) never changes a sample: 16-bit and narrower stay 16-bit, 24-bit stays 24-bit, and anything
 * wider (32-bit integer, float) becomes 32-bit float, which holds every value the reader decoded.
 */
public final class LosslessDepth {
    private LosslessDepth() {}

    public static WavWriter.Depth of(WavFormat format) {
        if (format.encoding() == SampleEncoding.PCM && format.bitsPerSample() == 24) {
            return WavWriter.Depth.PCM24;
        }
        if (format.encoding() == SampleEncoding.FLOAT || format.bitsPerSample() > 24) {
            return WavWriter.Depth.FLOAT32;
        }
        return WavWriter.Depth.PCM16;
    }
}
