package org.babble.cli;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A clip's features as a NumPy {@code .npy} file (format 1.0, little-endian float32, {@code [frames, bins]}), the
 * array an exported ONNX model takes once a batch axis is added: {@code np.load(f)[None]}. NumPy reads it directly
 * and the layout is simple enough to read from C++ (a 128-byte header, then the floats).
 */
final class FeatureNpy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private FeatureNpy() {}

    static byte[] bytes(float[][] frames) {
        int bins = frames[0].length;
        String dictionary = String.format(
                Locale.ROOT, "{'descr': '<f4', 'fortran_order': False, 'shape': (%d, %d), }", frames.length, bins);
        // The header (magic, length, dictionary, spaces, newline) fills a multiple of 64 bytes, as the format asks.
        int unpadded = MAGIC.length + 2 + dictionary.length() + 1;
        int headerLength = (unpadded + 63) / 64 * 64 - MAGIC.length - 2;
        String header = dictionary + " ".repeat(headerLength - dictionary.length() - 1) + "\n";
        ByteBuffer npy = ByteBuffer.allocate(MAGIC.length + 2 + headerLength + 4 * frames.length * bins)
                .order(ByteOrder.LITTLE_ENDIAN);
        npy.put(MAGIC).putShort((short) headerLength).put(header.getBytes(StandardCharsets.US_ASCII));
        for (float[] frame : frames) {
            for (float v : frame) {
                npy.putFloat(v);
            }
        }
        return npy.array();
    }
}
