package org.babble.core.features;

import java.util.Arrays;

/**
 * TensorFlow's {@code MfccMelFilterbank}: triangular filters evenly spaced on the mel scale
 * ({@code 1127 ln(1 + f / 700)}) between a lower and an upper frequency, applied to spectrum <em>magnitudes</em> (the
 * square root of the power spectrum, as TF does). DC is always excluded, as in HTK.
 *
 * <p>Every FFT bin in range feeds exactly two neighbouring channels (the falling edge of one, the rising edge of the
 * next), so the filterbank is stored as one channel index and one weight per bin over a contiguous bin range rather
 * than as a dense matrix: about 2 multiply-adds per bin.
 */
public final class MelFilterbank {
    private final int channelCount;
    private final double[] centresHz;
    private final int startBin;
    private final int endBin;
    /** Per bin in {@code startBin..endBin}: the channel whose falling edge it is on (-1: none). */
    private final int[] bandMapper;
    /** Per bin in {@code startBin..endBin}: its weight on that falling edge; {@code 1 - weight} goes to the next. */
    private final double[] weights;

    /**
     * @param binCount       spectrum bins, DC to Nyquist ({@code fftLength / 2 + 1})
     * @param sampleRate     Hz
     * @param channelCount   filters
     * @param lowerHz        lower edge of the lowest filter
     * @param upperHz        upper edge of the highest filter, at most Nyquist
     */
    public MelFilterbank(int binCount, double sampleRate, int channelCount, double lowerHz, double upperHz) {
        if (binCount < 2
                || sampleRate <= 0
                || channelCount < 1
                || lowerHz < 0
                || upperHz <= lowerHz
                || upperHz > sampleRate / 2) {
            throw new IllegalArgumentException("invalid mel filterbank: " + binCount + " bins, " + sampleRate + " Hz, "
                    + channelCount + " channels, " + lowerHz + ".." + upperHz + " Hz");
        }
        this.channelCount = channelCount;
        double melLow = toMel(lowerHz);
        double melSpacing = (toMel(upperHz) - melLow) / (channelCount + 1);
        // centres[c] for c < channelCount are filter peaks; centres[channelCount] is the top edge.
        double[] centres = new double[channelCount + 1];
        for (int c = 0; c <= channelCount; c++) {
            centres[c] = melLow + melSpacing * (c + 1);
        }
        this.centresHz = new double[channelCount];
        for (int c = 0; c < channelCount; c++) {
            centresHz[c] = 700.0 * Math.expm1(centres[c] / 1127.0);
        }
        double hzPerBin = 0.5 * sampleRate / (binCount - 1);
        this.startBin = (int) (1.5 + lowerHz / hzPerBin);
        this.endBin = Math.min((int) (upperHz / hzPerBin), binCount - 1);
        int span = Math.max(0, endBin - startBin + 1);
        this.bandMapper = new int[span];
        this.weights = new double[span];
        int channel = 0;
        for (int i = 0; i < span; i++) {
            double mel = toMel((startBin + i) * hzPerBin);
            while (channel < channelCount && centres[channel] < mel) {
                channel++;
            }
            int band = channel - 1;
            bandMapper[i] = band;
            weights[i] = band >= 0
                    ? (centres[band + 1] - mel) / (centres[band + 1] - centres[band])
                    : (centres[0] - mel) / (centres[0] - melLow);
        }
    }

    /** TF's mel scale. */
    public static double toMel(double hz) {
        return 1127.0 * Math.log1p(hz / 700.0);
    }

    public int channelCount() {
        return channelCount;
    }

    /** Peak frequency of each filter, Hz. */
    public double[] centresHz() {
        return centresHz.clone();
    }

    /** Last spectrum bin any filter uses. */
    public int endBin() {
        return endBin;
    }

    /** Filter outputs for one frame of squared magnitudes, written to {@code out[0 .. channelCount - 1]}. */
    public void apply(float[] power, double[] out) {
        Arrays.fill(out, 0, channelCount, 0.0);
        int last = channelCount - 1;
        for (int i = 0, bin = startBin; i < bandMapper.length; i++, bin++) {
            double magnitude = Math.sqrt(power[bin]);
            double falling = magnitude * weights[i];
            int band = bandMapper[i];
            if (band >= 0) {
                out[band] += falling;
            }
            if (band < last) {
                out[band + 1] += magnitude - falling;
            }
        }
    }
}
