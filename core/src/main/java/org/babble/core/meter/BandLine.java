package org.babble.core.meter;

import org.babble.core.features.MelFilterbank;
import org.babble.core.features.Spectrogram;

/**
 * One line of block characters showing where a clip's energy lies in pitch, low on the left: the mean power per mel
 * band over the clip, in dB below its loudest band (30 dB of range). Beside the level {@link Sparkline} it tells a cry (energy in the
 * middle bands) from a hum (all at the left) or a fan (flat) on a machine without speakers.
 */
public final class BandLine {
    private static final int WINDOW = 1024;
    /** Bands this far below the loudest show as blank: 30 dB, where a clip's character shows (60 is nearly all full). */
    private static final double RANGE_DB = 30;

    private BandLine() {}

    /** {@code bands} characters for {@code samples} at {@code sampleRate}, or blanks for a silent or too short clip. */
    public static String render(float[] samples, int sampleRate, int bands) {
        if (bands <= 0) {
            throw new IllegalArgumentException("bands must be positive, got " + bands);
        }
        Spectrogram spectrogram = new Spectrogram(WINDOW, WINDOW / 2);
        int frames = spectrogram.frameCount(samples.length);
        MelFilterbank mel = new MelFilterbank(spectrogram.binCount(), sampleRate, bands, 60, sampleRate / 2.0);
        double[] mean = new double[bands];
        float[] power = new float[spectrogram.binCount()];
        double[] frame = new double[bands];
        for (int f = 0; f < frames; f++) {
            spectrogram.powerFrame(samples, f, power);
            mel.apply(power, frame);
            for (int b = 0; b < bands; b++) {
                mean[b] += frame[b] / frames;
            }
        }
        double loudest = 0;
        for (double m : mean) {
            loudest = Math.max(loudest, m);
        }
        StringBuilder line = new StringBuilder(bands);
        for (double m : mean) {
            double below = loudest > 0 && m > 0 ? 10 * Math.log10(m / loudest) : Double.NEGATIVE_INFINITY;
            line.append(
                    Sparkline.bar(below * (-Sparkline.FLOOR_DB / RANGE_DB))); // the bars' scale stretched to RANGE_DB
        }
        return line.toString();
    }
}
