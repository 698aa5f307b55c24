package org.babble.core.features;

/**
 * TensorFlow's {@code MfccMelFilterbank}: triangular filters evenly spaced on the mel scale
 * ({@code 1127 ln(1 + f / 700)}) between a lower and an upper frequency, applied to spectrum <em>magnitudes</em> (the
 * square root of the power spectrum, as TF does). DC is always excluded, as in HTK.
 *
 * <p>Every FFT bin in range feeds exactly two neighbouring channels (the falling edge of one, the rising edge of the
 * next), so the filterbank is stored as one weight per bin and the first bin of each channel's falling edge rather
 * than as a dense matrix: about 2 multiply-adds per bin.
 */
public final class MelFilterbank {
    private final int channelCount;
    private final double[] centresHz;
    private final int startBin;
    private final int endBin;
    /** Per spectrum bin: its weight on the falling edge it is on; {@code 1 - weight} goes to the next channel. */
    private final double[] binWeights;
    /**
     * {@code edgeStart[c + 1] .. edgeStart[c + 2] - 1} are the bins on channel {@code c}'s falling edge, the rising
     * edge of channel {@code c + 1}; from {@code edgeStart[0]} ({@code startBin}) are the bins below channel 0's peak.
     */
    private final int[] edgeStart;
    /** Scratch: the frame's magnitudes by spectrum bin. */
    private final double[] magnitudes;

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
        // per bin from startBin: the channel whose falling edge it is on (-1: none), and its weight there
        int[] bandMapper = new int[span];
        double[] weights = new double[span];
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
        this.binWeights = new double[endBin + 1];
        this.edgeStart = new int[channelCount + 2];
        this.magnitudes = new double[endBin + 1];
        for (int i = 0; i < span; i++) {
            binWeights[startBin + i] = weights[i];
        }
        // bands are non-decreasing over the bins, so each channel's falling edge is one run of bins
        for (int band = -1, i = 0; band < channelCount; band++) {
            edgeStart[band + 1] = startBin + i;
            while (i < span && bandMapper[i] == band) {
                i++;
            }
        }
        edgeStart[channelCount + 1] = startBin + span;
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
        double[] m = magnitudes;
        for (int bin = startBin; bin <= endBin; bin++) {
            m[bin] = Math.sqrt(power[bin]);
        }
        // channel by channel, its rising edge (the bins on the previous channel's falling edge) then its falling edge,
        // in bin order: the sums of a scatter over bins, in the same order, with no store feeding the next bin's load
        for (int c = 0; c < channelCount; c++) {
            double sum = 0;
            for (int bin = edgeStart[c]; bin < edgeStart[c + 1]; bin++) {
                double magnitude = m[bin];
                sum += magnitude - magnitude * binWeights[bin];
            }
            for (int bin = edgeStart[c + 1]; bin < edgeStart[c + 2]; bin++) {
                sum += m[bin] * binWeights[bin];
            }
            out[c] = sum;
        }
    }
}
