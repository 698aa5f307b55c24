package org.babble.core.model.layers;

/**
 * Where a {@code (kernel, 1)} convolution with stride {@code (stride, 1)} in DL4J's "Same" mode reads over time:
 * output frame {@code t}, tap {@code j} reads input frame {@code t * stride + j - padBefore()}, and reads outside the
 * input are zeros. Kept in one place so that the training layer, its column matrices and babble's own inference agree
 * with DL4J.
 *
 * @param kernel taps
 * @param stride frames between outputs
 * @param frames input frames
 */
public record TemporalWindow(int kernel, int stride, int frames) {
    public TemporalWindow {
        if (kernel < 1 || stride < 1 || frames < 1) {
            throw new IllegalArgumentException(
                    "invalid temporal window: kernel " + kernel + ", stride " + stride + ", frames " + frames);
        }
    }

    /** DL4J's "Same" output length, {@code ceil(frames / stride)}. */
    public int outFrames() {
        return (frames + stride - 1) / stride;
    }

    /** Zero frames before the input: half the total "Same" padding, rounded down, as DL4J does. */
    public int padBefore() {
        return padTotal() / 2;
    }

    /** Zero frames after the input: the rest of the "Same" padding (an ONNX Conv needs both ends spelled out). */
    public int padAfter() {
        return padTotal() - padBefore();
    }

    private int padTotal() {
        return Math.max(0, (outFrames() - 1) * stride + kernel - frames);
    }
}
