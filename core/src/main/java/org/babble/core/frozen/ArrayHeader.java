package org.babble.core.frozen;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Map;

/**
 * The header of an array as ND4J's {@code Nd4j.write} stores it (shape buffer, then data buffer, each as allocation
 * mode, length, data type and values), read without ND4J. {@code Nd4j.read} allocates whatever length the header claims,
 * off the Java heap; reading the header first lets a caller compare that length with what the file holds and with what
 * the network's configuration needs before anything is allocated.
 *
 * @param length       values the array claims
 * @param elementBytes bytes per value of its data type
 */
record ArrayHeader(long length, int elementBytes) {
    /** The allocation mode this ND4J version writes; older ones wrote other layouts, which babble never produced. */
    private static final String MODE = "MIXED_DATA_TYPES";

    private static final Map<String, Integer> ELEMENT_BYTES = Map.of("FLOAT", 4, "DOUBLE", 8, "HALF", 2, "BFLOAT16", 2);
    private static final int MAX_RANK = 32;

    /**
     * Reads and checks the header of {@code bytes}: known layout, shape matching the length, and exactly
     * {@code length * elementBytes} bytes of values after it.
     *
     * @throws IOException naming what does not hold
     */
    static ArrayHeader of(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        requireMode(in.readUTF());
        long shapeLength = in.readLong();
        if (!"LONG".equals(in.readUTF()) || shapeLength < 4 || shapeLength > 2L * MAX_RANK + 4) {
            throw new IOException("the array's shape is not one ND4J writes");
        }
        long rank = in.readLong();
        if (rank < 0 || rank > MAX_RANK || shapeLength != 2 * rank + 4) {
            throw new IOException("the array claims rank " + rank + " in a shape of " + shapeLength + " values");
        }
        long product = 1;
        for (int i = 0; i < rank; i++) {
            long dimension = in.readLong();
            if (dimension < 0) {
                throw new IOException("the array claims a negative dimension " + dimension);
            }
            product = multiplyWithin(product, dimension, bytes.length);
        }
        in.skipNBytes(8 * (shapeLength - 1 - rank));
        requireMode(in.readUTF());
        long length = in.readLong();
        Integer elementBytes = ELEMENT_BYTES.get(in.readUTF());
        if (elementBytes == null) {
            throw new IOException("the array's data type is not a floating-point type");
        }
        if (length != product) {
            throw new IOException("the array claims " + length + " values but its shape holds " + product);
        }
        long remaining = in.available();
        if (length < 0 || length > remaining / elementBytes || length * elementBytes != remaining) {
            throw new IOException("the array claims " + length + " values but " + remaining + " bytes follow");
        }
        return new ArrayHeader(length, elementBytes);
    }

    private static void requireMode(String mode) throws IOException {
        if (!MODE.equals(mode)) {
            throw new IOException("the array was not written by the ND4J version babble uses");
        }
    }

    /** {@code a * b}, refused once it exceeds what {@code bytes} bytes could hold. */
    private static long multiplyWithin(long a, long b, long bytes) throws IOException {
        if (b != 0 && a > bytes / b) {
            throw new IOException("the array's shape claims more values than the file holds");
        }
        return a * b;
    }
}
