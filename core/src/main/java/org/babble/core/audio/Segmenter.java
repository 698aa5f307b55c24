package org.babble.core.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a long recording into consecutive pieces of a fixed number of samples, as ffmpeg's segment muxer or sox's
 * {@code trim 0 T : newfile : restart} do, so a night becomes training-sized clips. Every piece but the last has
 * exactly {@code pieceLength} samples; the last holds what remains.
 */
public final class Segmenter {
    private Segmenter() {}

    public static List<float[]> split(float[] samples, int pieceLength) {
        if (pieceLength <= 0) {
            throw new IllegalArgumentException("piece length must be positive, got " + pieceLength);
        }
        List<float[]> pieces = new ArrayList<>();
        for (int start = 0; start < samples.length; start += pieceLength) {
            pieces.add(Arrays.copyOfRange(samples, start, (int) Math.min((long) start + pieceLength, samples.length)));
        }
        return pieces;
    }

    /** How many pieces {@link #split} makes of {@code frames} samples. */
    public static int count(long frames, int pieceLength) {
        return (int) ((frames + pieceLength - 1) / pieceLength);
    }
}
