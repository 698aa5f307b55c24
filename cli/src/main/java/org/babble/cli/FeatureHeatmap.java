package org.babble.cli;

import java.awt.image.BufferedImage;

/**
 * Draws a feature matrix {@code [frame][bin]} as an image a person can read: time left to right, bin 0 at the bottom,
 * values mapped through viridis (perceptually even, readable in grey and by most colour-blind viewers), each cell
 * enlarged to a block so a one-second clip is not a smudge.
 */
final class FeatureHeatmap {
    /** Viridis at 0, 0.1, ..., 1 (matplotlib's published stops); linear in between. */
    private static final int[] VIRIDIS = {
        0x440154, 0x482475, 0x414487, 0x355F8D, 0x2A788E, 0x21918C, 0x22A884, 0x44BF70, 0x7AD151, 0xBDDF26, 0xFDE725,
    };

    private static final int MIN_WIDTH = 600;
    private static final int MIN_HEIGHT = 320;
    private static final int MAX_BLOCK = 8;

    private FeatureHeatmap() {}

    /** Pixels per frame: enough for {@value #MIN_WIDTH} px, at most {@value #MAX_BLOCK}. */
    static int blockWidth(int frames) {
        return Math.max(1, Math.min(MAX_BLOCK, ceilDiv(MIN_WIDTH, Math.max(frames, 1))));
    }

    /** Pixels per bin: enough for {@value #MIN_HEIGHT} px, at most {@value #MAX_BLOCK}. */
    static int blockHeight(int bins) {
        return Math.max(1, Math.min(MAX_BLOCK, ceilDiv(MIN_HEIGHT, Math.max(bins, 1))));
    }

    /** The image of {@code values}, colours spread linearly from {@code low} (dark) to {@code high} (yellow). */
    static BufferedImage render(float[][] values, double low, double high) {
        int frames = values.length;
        int bins = values[0].length;
        int bw = blockWidth(frames);
        int bh = blockHeight(bins);
        BufferedImage image = new BufferedImage(frames * bw, bins * bh, BufferedImage.TYPE_INT_RGB);
        double span = high > low ? high - low : 1;
        for (int f = 0; f < frames; f++) {
            for (int b = 0; b < bins; b++) {
                int rgb = viridis((values[f][b] - low) / span);
                int top = (bins - 1 - b) * bh;
                for (int y = top; y < top + bh; y++) {
                    for (int x = f * bw; x < (f + 1) * bw; x++) {
                        image.setRGB(x, y, rgb);
                    }
                }
            }
        }
        return image;
    }

    /** Viridis colour of {@code t} in [0, 1] (clamped). */
    static int viridis(double t) {
        double clamped = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        double position = clamped * (VIRIDIS.length - 1);
        int i = Math.min((int) position, VIRIDIS.length - 2);
        double frac = position - i;
        int a = VIRIDIS[i];
        int b = VIRIDIS[i + 1];
        int r = mix(a >> 16, b >> 16, frac);
        int g = mix(a >> 8, b >> 8, frac);
        int bl = mix(a, b, frac);
        return (r << 16) | (g << 8) | bl;
    }

    private static int mix(int a, int b, double frac) {
        return (int) Math.round((a & 0xFF) + ((b & 0xFF) - (a & 0xFF)) * frac);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
