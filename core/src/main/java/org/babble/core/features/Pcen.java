package org.babble.core.features;

/**
 * Per-channel energy normalisation (PCEN; Wang et al., 2017), the {@link FeatureSettings.Compression#PCEN} finish of
 * mel bands: each band is divided by a smoothed copy of itself raised to a gain, then compressed by a root instead of a
 * log. A log keeps a room's hum, a microphone's colouring and the distance to the baby as offsets the network has to
 * learn to see past; PCEN divides every band by its own recent level, so what stands out is what just started, over
 * whatever background it was recorded. On phone-recorded cries that a nursery model never heard it took the share found
 * from 78-81% to 85-89% (docs/train.md).
 *
 * <p>The constants and the smoother follow {@code librosa.pcen} with its defaults: time constant 0.4 s, gain 0.98, bias
 * 2, power 0.5, and a first-order smoother whose state starts at the first frame's value (librosa's steady-state
 * {@code zi}), so a clip, and each clip-long window of a recording, is normalised by its own frames alone.
 */
final class Pcen {
    static final double TIME_CONSTANT_S = 0.4;
    static final double GAIN = 0.98;
    static final double BIAS = 2;
    /** librosa's {@code eps}: keeps the division finite over digital silence. */
    static final double EPS = 1e-6;

    private static final double ROOT_OF_BIAS = Math.sqrt(BIAS);

    private final double smoothing;

    /** PCEN for frames {@code hopMs} apart. */
    Pcen(double hopMs) {
        if (!(hopMs > 0)) {
            throw new IllegalArgumentException("PCEN hop must be positive, got " + hopMs);
        }
        // librosa's smoothing coefficient for a time constant of t frames: the root of b^2 t^2 + b - 1 = 0
        double t = TIME_CONSTANT_S * 1000 / hopMs;
        this.smoothing = (Math.sqrt(1 + 4 * t * t) - 1) / (2 * t * t);
    }

    /** The smoother's weight on each new frame. */
    double smoothing() {
        return smoothing;
    }

    /** PCEN of band magnitudes {@code [frame][band]}, as {@code [frame][band]}. */
    double[][] apply(float[][] bands) {
        int frames = bands.length;
        double[][] out = new double[frames][];
        if (frames == 0) {
            return out;
        }
        int channels = bands[0].length;
        for (int f = 0; f < frames; f++) {
            out[f] = new double[channels];
        }
        for (int c = 0; c < channels; c++) {
            double smooth = bands[0][c];
            for (int f = 0; f < frames; f++) {
                double energy = bands[f][c];
                smooth = (1 - smoothing) * smooth + smoothing * energy;
                double gained = energy * Math.exp(-GAIN * Math.log(EPS + smooth));
                // librosa's power 0.5: a square root, where pow would cost several times as much
                out[f][c] = Math.sqrt(gained + BIAS) - ROOT_OF_BIAS;
            }
        }
        return out;
    }
}
