package org.babble.core.model.layers;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Powers and logarithms of short float vectors (one value per channel), computed by the same ND4J ops DL4J's batch norm
 * uses: they round as the native C library's {@code powf} and {@code logf} do, which Java's {@code Math} does not
 * promise to match. The arrays live outside any workspace and only for the call.
 */
// Opening the scope is what moves the allocations out of the workspace; the try only closes it, so the resource is
// never read in the body.
@SuppressWarnings("try")
final class Nd4jFloatMath {
    private Nd4jFloatMath() {}

    /** {@code base} raised to each exponent. */
    static float[] pow(float base, float[] exponents) {
        try (MemoryWorkspace outside = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            INDArray powers = Nd4j.valueArrayOf(new long[] {exponents.length}, base, DataType.FLOAT);
            return Transforms.pow(powers, Nd4j.createFromArray(exponents), false)
                    .toFloatVector();
        }
    }

    /** Each value raised to {@code exponent}. */
    static float[] pow(float[] values, double exponent) {
        try (MemoryWorkspace outside = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            return Transforms.pow(Nd4j.createFromArray(values), exponent, false).toFloatVector();
        }
    }

    /** The natural logarithm of each value. */
    static float[] log(float[] values) {
        try (MemoryWorkspace outside = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            return Transforms.log(Nd4j.createFromArray(values), false).toFloatVector();
        }
    }
}
