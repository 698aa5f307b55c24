package org.babble.core.model.layers;

import java.util.Arrays;

/**
 * The column matrix of a temporal convolution and its adjoint, on plain arrays: with the input frames laid out
 * {@code [batch][channel][frame]} (NCHW with width 1), {@code columns[channel * kernel + tap][batch * outFrames + t]}
 * holds the input frame that tap {@code tap} of output frame {@code t} reads (zero outside the input). Rows follow
 * DL4J's weight layout {@code [out][in][kernel][1]}, so the convolution is one multiply by the weights viewed as
 * {@code [out, in * kernel]}; each row segment runs along time, as the input does, so the copies stream.
 */
final class TemporalColumns {
    private final TemporalWindow window;
    private final int channels;
    private final int batch;

    TemporalColumns(TemporalWindow window, int channels, int batch) {
        this.window = window;
        this.channels = channels;
        this.batch = batch;
    }

    /** Rows of the column matrix: {@code channels * kernel}. */
    int rows() {
        return Math.multiplyExact(channels, window.kernel());
    }

    /** Columns of the column matrix: {@code batch * outFrames}. */
    int columns() {
        return Math.multiplyExact(batch, window.outFrames());
    }

    /** Values of the input, {@code batch * channels * frames}. */
    int inputSize() {
        return Math.multiplyExact(Math.multiplyExact(batch, channels), window.frames());
    }

    /** Fills the first {@code rows() * columns()} values of {@code columns} from {@code input}. */
    void gather(float[] input, float[] columns) {
        int kernel = window.kernel();
        int stride = window.stride();
        int frames = window.frames();
        int outFrames = window.outFrames();
        int pad = window.padBefore();
        int columnCount = columns();
        for (int tap = 0; tap < kernel; tap++) {
            int first = firstInside(tap);
            int end = endInside(tap);
            for (int c = 0; c < channels; c++) {
                int row = (c * kernel + tap) * columnCount;
                for (int b = 0; b < batch; b++) {
                    int to = row + b * outFrames;
                    int from = (b * channels + c) * frames + tap - pad;
                    Arrays.fill(columns, to, to + first, 0f);
                    if (stride == 1) {
                        System.arraycopy(input, from + first, columns, to + first, end - first);
                    } else {
                        for (int t = first; t < end; t++) {
                            columns[to + t] = input[from + t * stride];
                        }
                    }
                    Arrays.fill(columns, to + end, to + outFrames, 0f);
                }
            }
        }
    }

    /**
     * Sets the first {@code inputSize()} values of {@code input} to the adjoint of {@link #gather}, for a column matrix
     * given transposed, {@code [batch * outFrames][channels * kernel]} (the column-major layout in which DL4J's
     * backward pass computes it): every input frame gets the sum of the column values read from it, added output frame
     * by output frame as DL4J's col2im adds them, so that the sums round alike.
     */
    void scatter(float[] transposedColumns, float[] input) {
        int kernel = window.kernel();
        int stride = window.stride();
        int frames = window.frames();
        int outFrames = window.outFrames();
        int pad = window.padBefore();
        int rowCount = rows();
        Arrays.fill(input, 0, inputSize(), 0f);
        for (int b = 0; b < batch; b++) {
            for (int c = 0; c < channels; c++) {
                int to = (b * channels + c) * frames;
                for (int t = 0; t < outFrames; t++) {
                    int start = t * stride - pad;
                    int from = (b * outFrames + t) * rowCount + c * kernel;
                    for (int tap = Math.max(0, -start); tap < Math.min(kernel, frames - start); tap++) {
                        input[to + start + tap] += transposedColumns[from + tap];
                    }
                }
            }
        }
    }

    /** The first output frame whose tap {@code tap} reads inside the input ({@code outFrames} if none does). */
    private int firstInside(int tap) {
        int first = -Math.floorDiv(tap - window.padBefore(), window.stride());
        return Math.min(window.outFrames(), Math.max(0, first));
    }

    /** One past the last output frame whose tap {@code tap} reads inside the input; at least {@link #firstInside}. */
    private int endInside(int tap) {
        int end = Math.floorDiv(window.frames() - 1 + window.padBefore() - tap, window.stride()) + 1;
        return Math.max(firstInside(tap), Math.min(window.outFrames(), end));
    }
}
