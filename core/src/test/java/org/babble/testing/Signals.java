package org.babble.testing;

import java.util.Random;

/** Synthesised test signals, so DSP tests run anywhere and state exactly what went in. */
public final class Signals {
    private Signals() {}

    public static float[] sine(double frequencyHz, double amplitude, int sampleRate, int samples) {
        float[] out = new float[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (float) (amplitude * Math.sin(2 * Math.PI * frequencyHz * i / sampleRate));
        }
        return out;
    }

    /** Linear chirp from {@code f0} to {@code f1} Hz over the whole signal. */
    public static float[] chirp(double f0, double f1, double amplitude, int sampleRate, int samples) {
        float[] out = new float[samples];
        double duration = samples / (double) sampleRate;
        for (int i = 0; i < samples; i++) {
            double t = i / (double) sampleRate;
            out[i] = (float) (amplitude * Math.sin(2 * Math.PI * (f0 * t + (f1 - f0) * t * t / (2 * duration))));
        }
        return out;
    }

    /** Gaussian white noise with the given RMS, from a fixed seed. */
    public static float[] noise(double rms, long seed, int samples) {
        Random random = new Random(seed);
        float[] out = new float[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (float) (rms * random.nextGaussian());
        }
        return out;
    }
}
