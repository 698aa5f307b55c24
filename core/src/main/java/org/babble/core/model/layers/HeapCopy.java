package org.babble.core.model.layers;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Moves float values between ND4J's off-heap arrays and Java arrays in one bulk copy each way, so that babble's own
 * loops (which the JIT compiles well) can work on the heap; element-wise ND4J access or ND4J ops on strided views cost
 * far more for the same copies.
 */
final class HeapCopy {
    private HeapCopy() {}

    /** Copies {@code source}'s values, row-major whatever its layout and type, to the start of {@code target}. */
    static void read(INDArray source, float[] target) {
        dense(source).data().asNioFloat().get(target, 0, Math.toIntExact(source.length()));
    }

    /** Copies the first {@code target.length()} values of {@code source} into {@code target}, dense and row-major. */
    static void write(float[] source, INDArray target) {
        denseBuffer(target).put(source, 0, Math.toIntExact(target.length()));
    }

    /**
     * Copies {@code source}'s values to the start of {@code target} with its two leading axes swapped: {@code target}
     * holds {@code [size(1)][size(0)][rest]} in row-major order.
     */
    static void readSwapped(INDArray source, float[] target) {
        INDArray dense = dense(source);
        FloatBuffer buffer = dense.data().asNioFloat();
        int start = buffer.position();
        int first = Math.toIntExact(dense.size(0));
        int second = Math.toIntExact(dense.size(1));
        int inner = Math.toIntExact(dense.length() / ((long) first * second));
        for (int i = 0; i < first; i++) {
            for (int j = 0; j < second; j++) {
                buffer.get(start + (i * second + j) * inner, target, (j * first + i) * inner, inner);
            }
        }
    }

    /**
     * Fills {@code target}, a dense row-major array, from {@code source} holding its values with the two leading axes
     * swapped ({@code [size(1)][size(0)][rest]}).
     */
    static void writeSwapped(float[] source, INDArray target) {
        FloatBuffer buffer = denseBuffer(target);
        int start = buffer.position();
        int first = Math.toIntExact(target.size(0));
        int second = Math.toIntExact(target.size(1));
        int inner = Math.toIntExact(target.length() / ((long) first * second));
        for (int i = 0; i < first; i++) {
            for (int j = 0; j < second; j++) {
                buffer.put(start + (i * second + j) * inner, source, (j * first + i) * inner, inner);
            }
        }
    }

    /** Whether the array's values lie contiguously in row-major order (size-1 dimensions may have any stride). */
    static boolean isDenseRowMajor(INDArray array) {
        long expected = 1;
        for (int d = array.rank() - 1; d >= 0; d--) {
            if (array.size(d) != 1 && array.stride(d) != expected) {
                return false;
            }
            expected *= array.size(d);
        }
        return true;
    }

    /** {@code array}, or a copy of it, in float and dense row-major; its buffer's position is its first value. */
    private static INDArray dense(INDArray array) {
        INDArray floats = array.dataType() == DataType.FLOAT ? array : array.castTo(DataType.FLOAT);
        return isDenseRowMajor(floats) ? floats : floats.dup('c');
    }

    /** The buffer of a dense row-major float array, positioned at the array's first value. */
    private static FloatBuffer denseBuffer(INDArray array) {
        requireFloat(array);
        if (!isDenseRowMajor(array)) {
            throw new IllegalArgumentException("can only write a dense row-major array, got strides "
                    + Arrays.toString(array.stride()) + " for shape " + Arrays.toString(array.shape()));
        }
        // asNioFloat() starts at the array's own offset into its buffer.
        return array.data().asNioFloat();
    }

    private static void requireFloat(INDArray array) {
        if (array.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("expected a float array, got " + array.dataType());
        }
    }
}
