package org.babble.core.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.babble.testing.SharedData;
import org.junit.jupiter.api.Test;

class SegmenterTest {

    /**
     * sox 14.4.2, computed once:
     * {@code sox night-2-24bit.wav seg.wav trim 0 10.1 : newfile : restart}, then per piece in numpy its length, first
     * sample and RMS level (20*log10 sqrt(mean x^2)).
     */
    private static final int[] SOX_LENGTHS = {445410, 445410, 445410, 445410, 445410, 418950};

    private static final double[] SOX_FIRST = {
        0.002245187759399414,
        -0.02604234218597412,
        0.012377619743347168,
        -0.044455766677856445,
        0.4446920156478882,
        0.009410381317138672
    };
    private static final double[] SOX_RMS_DB = {
        -19.37738818473925,
        -18.054115533474864,
        -16.97200780346215,
        -16.541345773892225,
        -14.012409897116173,
        -15.257550869944636
    };

    @Test
    void piecesMatchSoxTrimNewfileRestart() {
        AudioClip night =
                WavReader.read(SharedData.require("raw/night-2-24bit.wav")).clip();
        List<float[]> pieces = Segmenter.split(night.mixdown(), ClipShaper.frames(10.1, night.sampleRate()));
        assertEquals(SOX_LENGTHS.length, pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            float[] piece = pieces.get(i);
            assertEquals(SOX_LENGTHS[i], piece.length, "length of piece " + i);
            assertEquals(SOX_FIRST[i], piece[0], 1e-7, "first sample of piece " + i);
            double sum = 0;
            for (float v : piece) {
                sum += (double) v * v;
            }
            assertEquals(SOX_RMS_DB[i], 10 * Math.log10(sum / piece.length), 0.001, "RMS of piece " + i);
        }
    }

    @Test
    void piecesAreConsecutiveAndOnlyTheLastIsShort() {
        float[] in = {0, 1, 2, 3, 4, 5, 6};
        List<float[]> pieces = Segmenter.split(in, 3);
        assertEquals(3, pieces.size());
        assertArrayEquals(new float[] {0, 1, 2}, pieces.get(0));
        assertArrayEquals(new float[] {3, 4, 5}, pieces.get(1));
        assertArrayEquals(new float[] {6}, pieces.get(2));
        assertEquals(3, Segmenter.count(7, 3));
        assertEquals(2, Segmenter.split(new float[6], 3).size());
        assertEquals(0, Segmenter.split(new float[0], 3).size());
        assertThrows(IllegalArgumentException.class, () -> Segmenter.split(in, 0));
    }
}
