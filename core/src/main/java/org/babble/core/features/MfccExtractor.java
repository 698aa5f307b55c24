package org.babble.core.features;

/**
 * TensorFlow's {@code Mfcc} op on its {@code audio_spectrogram(magnitude_squared=True)}, as speech_commands computes
 * it: mel filterbank on magnitudes, natural log floored at {@value #FLOOR} (or {@link Pcen}), {@link MfccDct DCT-II},
 * first {@code featureBinCount} coefficients.
 */
public final class MfccExtractor extends MelExtractor {
    /** TF's {@code kFilterbankFloor}: keeps digital silence finite. */
    static final double FLOOR = 1e-12;

    private final MfccDct dct;
    private final double[] coefficients;

    public MfccExtractor(FeatureSettings settings) {
        super(settings, settings.melChannels());
        this.dct = new MfccDct(settings.melChannels(), settings.featureBinCount());
        this.coefficients = new double[settings.featureBinCount()];
    }

    @Override
    void transform(double[] compressed, float[] destination, int at) {
        dct.apply(compressed, coefficients);
        for (int i = 0; i < coefficients.length; i++) {
            destination[at + i] = (float) coefficients[i];
        }
    }
}
