package org.babble.dataset.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.babble.core.features.FeatureSettings;
import org.babble.core.features.LogMelExtractor;
import org.babble.testing.Signals;
import org.junit.jupiter.api.Test;

class MixTest {
    private static final int RATE = 16000;
    private static final FeatureSettings LOG_MEL =
            new FeatureSettings(RATE, 1000, 30, 10, 40, FeatureSettings.Preprocess.LOGMEL, 20, 7600, 40);
    private static final LogMelExtractor EXTRACTOR = new LogMelExtractor(LOG_MEL);

    @Test
    void inAudioTheAddedBackgroundSitsTheRatioBelowTheForeground() {
        float[] sine = Signals.sine(440, 0.5, RATE, RATE);
        float[] noise = Signals.noise(0.05, 3, RATE);
        for (double snr : new double[] {-5, 0, 10, 20}) {
            float[] out = sine.clone();
            new Mix(0, snr).add(out, Mix.power(sine), noise);
            float[] added = new float[out.length];
            for (int i = 0; i < out.length; i++) {
                added[i] = out[i] - sine[i];
            }
            double db = 10 * Math.log10(Mix.power(sine) / Mix.power(added));
            assertEquals(snr, db, 1e-3, "SNR " + snr);
        }
    }

    @Test
    void onBandsTheBackgroundAddsInPowerAtTheRatio() {
        float[][] sine = EXTRACTOR.bands(Signals.sine(440, 0.5, RATE, RATE));
        float[][] noise = EXTRACTOR.bands(Signals.noise(0.05, 3, RATE));
        for (double snr : new double[] {-5, 0, 10, 20}) {
            float[][] out = copy(sine);
            new Mix(0, snr).add(out, Mix.power(sine), noise);
            double addedPower = 0;
            int n = 0;
            for (int f = 0; f < out.length; f++) {
                for (int b = 0; b < out[f].length; b++) {
                    addedPower += (double) out[f][b] * out[f][b] - (double) sine[f][b] * sine[f][b];
                    n++;
                }
            }
            assertEquals(snr, 10 * Math.log10(Mix.power(sine) / (addedPower / n)), 1e-2, "SNR " + snr);
        }
    }

    @Test
    void bandsMixedInPowerMatchTheBandsOfTheMixedAudio() {
        float[] chirp = Signals.chirp(200, 3000, 0.3, RATE, RATE);
        float[] noise = Signals.noise(0.05, 5, RATE);
        float[] audio = chirp.clone();
        Mix mix = new Mix(0, 3);
        mix.add(audio, Mix.power(chirp), noise);
        float[][] viaAudio = EXTRACTOR.bands(audio);
        // The band powers of the two sounds scale like their audio powers, so the ratio is the same in both domains.
        float[][] viaBands = EXTRACTOR.bands(chirp);
        float[][] noiseBands = EXTRACTOR.bands(noise);
        double k = mix.scale(Mix.power(chirp), Mix.power(noise));
        new Mix(0, 0).add(viaBands, Mix.power(noiseBands) * k * k, noiseBands);
        double worst = 0;
        for (int f = 2; f < viaAudio.length - 2; f++) {
            worst = Math.max(worst, Math.abs(levelDb(viaAudio[f]) - levelDb(viaBands[f])));
        }
        assertTrue(worst < 1.0, "frames differ by up to " + worst + " dB");
    }

    @Test
    void theBackgroundStartsAtTheOffsetAndWrapsAround() {
        float[] background = {1, 2, 3, 4};
        float[] out = {1, 1, 1, 1};
        double fgPower = 1;
        new Mix(2, 10 * Math.log10(fgPower / Mix.power(background))).add(out, fgPower, background);
        assertArrayEquals(new float[] {4, 5, 2, 3}, out, 1e-5f);
    }

    @Test
    void digitalSilenceIsNeverScaledUpAndNothingIsAddedUnderSilence() {
        float[] out = Signals.sine(440, 0.5, RATE, 1000);
        float[] before = out.clone();
        new Mix(0, 0).add(out, Mix.power(out), new float[1000]);
        assertArrayEquals(before, out);
        float[] quiet = new float[1000];
        new Mix(0, 0).add(quiet, 0, Signals.noise(0.1, 1, 1000));
        assertArrayEquals(new float[1000], quiet);
    }

    @Test
    void augmentersMixAfterPausesSoTheGapsKeepTheBackground() {
        AugmentSettings pauses = AugmentSettings.none().withPauses(1);
        float[] tone = Signals.sine(1000, 0.5, RATE, RATE);
        float[] noise = Signals.noise(0.05, 7, RATE);
        Mix mix = new Mix(0, 10);
        float[] out = new Augmenter(pauses, RATE, List.of()).augment(tone, false, noise, mix, new SplittableRandom(2));
        float[] alone = new Augmenter(pauses, RATE, List.of()).augment(tone, false, new SplittableRandom(2));
        float[] added = new float[out.length];
        for (int i = 0; i < out.length; i++) {
            added[i] = out[i] - alone[i];
        }
        // The whole added background is there, at the ratio to the clip before its pauses.
        assertEquals(10, 10 * Math.log10(Mix.power(tone) / Mix.power(added)), 1e-3);
        BandAugmenter bands = new BandAugmenter(
                pauses,
                RATE,
                LOG_MEL.desiredSamples(),
                LOG_MEL.windowStrideSamples(),
                EXTRACTOR.bandCentresHz(),
                List.of());
        float[][] toneBands = EXTRACTOR.bands(tone);
        float[][] noiseBands = EXTRACTOR.bands(noise);
        float[][] mixed =
                bands.augment(toneBands, false, LOG_MEL.frameCount(), noiseBands, mix, new SplittableRandom(2));
        float[][] paused = bands.augment(toneBands, false, LOG_MEL.frameCount(), new SplittableRandom(2));
        double k = mix.scale(Mix.power(toneBands), Mix.power(noiseBands));
        for (int f = 0; f < mixed.length; f++) {
            for (int b = 0; b < mixed[f].length; b++) {
                double expected = Math.sqrt(paused[f][b] * paused[f][b] + k * k * noiseBands[f][b] * noiseBands[f][b]);
                assertEquals(expected, mixed[f][b], 1e-4 * expected + 1e-9);
            }
        }
    }

    private static double levelDb(float[] frame) {
        double sum = 0;
        for (float m : frame) {
            sum += (double) m * m;
        }
        return 10 * Math.log10(sum);
    }

    private static float[][] copy(float[][] bands) {
        float[][] out = new float[bands.length][];
        for (int f = 0; f < bands.length; f++) {
            out[f] = bands[f].clone();
        }
        return out;
    }
}
