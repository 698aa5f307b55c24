package org.babble.cli.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.babble.core.audio.AudioClip;
import org.babble.core.features.Fft;

/**
 * A clip as the labelling page shows it: the waveform (the range of samples under each pixel column) above a
 * spectrogram (one FFT frame per column, log power, low pitch at the bottom). Both span the full width, so a column's
 * x stands for the same time in both, and the page turns a dragged range of pixels into seconds as {@code x / WIDTH *
 * duration}.
 */
final class ClipPicture {
    static final int WIDTH = 900;
    static final int WAVE_HEIGHT = 120;
    static final int SPECTRUM_HEIGHT = 160;
    private static final int FRAME = 512;
    private static final double FLOOR_DB = -100;

    private ClipPicture() {}

    static BufferedImage draw(AudioClip clip) {
        float[] mono = clip.mixdown();
        BufferedImage image = new BufferedImage(WIDTH, WAVE_HEIGHT + SPECTRUM_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(0x1b2230));
            g.fillRect(0, 0, WIDTH, WAVE_HEIGHT);
            g.setColor(new Color(0x7fc4ff));
            int mid = WAVE_HEIGHT / 2;
            for (int x = 0; x < WIDTH; x++) {
                int from = (int) ((long) x * mono.length / WIDTH);
                int to = Math.max(from + 1, (int) ((long) (x + 1) * mono.length / WIDTH));
                float low = 0;
                float high = 0;
                for (int i = from; i < Math.min(to, mono.length); i++) {
                    low = Math.min(low, mono[i]);
                    high = Math.max(high, mono[i]);
                }
                g.drawLine(x, mid - Math.round(high * (mid - 2)), x, mid - Math.round(low * (mid - 2)));
            }
        } finally {
            g.dispose();
        }
        drawSpectrogram(image, mono);
        return image;
    }

    private static void drawSpectrogram(BufferedImage image, float[] mono) {
        Fft fft = new Fft(FRAME);
        float[] power = new float[fft.binCount()];
        float[] padded = new float[mono.length + FRAME];
        System.arraycopy(mono, 0, padded, FRAME / 2, mono.length);
        double reference = 10 * Math.log10(Math.pow(FRAME / 4.0, 2)); // a full-scale sine's peak: 0 dB
        for (int x = 0; x < WIDTH; x++) {
            int centre = (int) ((x + 0.5) * mono.length / WIDTH);
            fft.powerSpectrum(padded, centre, power);
            for (int y = 0; y < SPECTRUM_HEIGHT; y++) {
                int bin = 1 + (int) ((long) (SPECTRUM_HEIGHT - 1 - y) * (power.length - 2) / SPECTRUM_HEIGHT);
                double db = 10 * Math.log10(power[bin] + 1e-12) - reference;
                double level = Math.max(0, Math.min(1, (db - FLOOR_DB) / -FLOOR_DB));
                image.setRGB(x, WAVE_HEIGHT + y, heat(level));
            }
        }
    }

    /** Dark blue through red to yellow: quiet to loud. */
    private static int heat(double level) {
        int r = (int) (255 * Math.min(1, level * 1.6));
        int gr = (int) (255 * Math.max(0, Math.min(1, level * 1.6 - 0.6)));
        int b = (int) (255 * Math.max(0, 0.5 - Math.abs(level - 0.3)));
        return (r << 16) | (gr << 8) | b;
    }
}
