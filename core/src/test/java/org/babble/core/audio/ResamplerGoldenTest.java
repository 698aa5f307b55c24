package org.babble.core.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.babble.testing.SharedData;
import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Resampling both raw nights to 22050 Hz matches sox's default {@code rate}: the figures in
 * {@code <night>.golden} were computed once by {@code make_resample_golden.py} beside them (sox 14.4.2,
 * {@code sox IN -e floating-point -b 32 REF.wav rate 22050}, i.e. {@code sox IN -r 22050 OUT} without dither,
 * mixed down to mono as the mean of channels).
 *
 * <p>The measures: (1) SNR = 10·log10(Σ ref² / Σ (ours − ref)²) over sox's samples at 2000 evenly spaced indices from
 * 1000 to N−1001 (so the first and last 1000 samples, where both filters run into the zero-padded edges, are left out;
 * sox's rate is zero-phase, so no alignment shift is applied) must be at least 60 dB; (2) the mean power in each band
 * from 50 Hz to 9.5 kHz (sox's flat passband), from one FFT of the whole output, must be within 0.1 dB of sox's.
 */
class ResamplerGoldenTest {

    private record Golden(int length, List<double[]> bands, List<double[]> samples) {}

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"night-1", "night-2-24bit"})
    void matchesSoxRate(String night) throws IOException {
        Path file = SharedData.require("raw/" + night + ".wav");
        Golden golden = load(night);
        AudioClip clip = WavReader.read(file).clip();
        float[] ours = Resampler.resample(clip.mixdown(), clip.sampleRate(), 22050);
        assertEquals(golden.length(), ours.length, "output length");

        double signal = 0;
        double error = 0;
        for (double[] s : golden.samples()) {
            double diff = ours[(int) s[0]] - s[1];
            signal += s[1] * s[1];
            error += diff * diff;
        }
        double snr = 10 * Math.log10(signal / error);
        assertTrue(snr >= 60, () -> night + ": SNR against sox " + snr + " dB, want >= 60");

        double[] power = powerSpectrum(ours);
        for (double[] band : golden.bands()) {
            double level = bandLevelDb(power, 22050, band[0], band[1]);
            assertEquals(band[2], level, 0.1, () -> night + ": band " + band[0] + "-" + band[1] + " Hz");
        }
    }

    private static double[] powerSpectrum(float[] x) {
        int n = x.length;
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = x[i];
        }
        new DoubleFFT_1D(n).realForward(a);
        double[] power = new double[n / 2 + 1];
        power[0] = a[0] * a[0];
        for (int k = 1; k < (n + 1) / 2; k++) {
            power[k] = a[2 * k] * a[2 * k] + a[2 * k + 1] * a[2 * k + 1];
        }
        if (n % 2 == 0) {
            power[n / 2] = a[1] * a[1];
        }
        return power;
    }

    private static double bandLevelDb(double[] power, int rate, double lo, double hi) {
        int n = 2 * (power.length - 1);
        double sum = 0;
        int count = 0;
        for (int k = 0; k < power.length; k++) {
            double f = k * (double) rate / n;
            if (f >= lo && f < hi) {
                sum += power[k];
                count++;
            }
        }
        return 10 * Math.log10(sum / count);
    }

    private static Golden load(String night) throws IOException {
        List<double[]> bands = new ArrayList<>();
        List<double[]> samples = new ArrayList<>();
        int length = -1;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ResamplerGoldenTest.class.getResourceAsStream(night + ".golden"), StandardCharsets.US_ASCII))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "length" -> length = Integer.parseInt(f[1]);
                    case "band" ->
                        bands.add(new double[] {
                            Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])
                        });
                    case "sample" -> samples.add(new double[] {Integer.parseInt(f[1]), Double.parseDouble(f[2])});
                    default -> {}
                }
            }
        }
        return new Golden(length, bands, samples);
    }
}
