package org.babble.dataset.demo;

import java.util.List;
import java.util.Random;

/**
 * Synthesises the three kinds of sound a nursery detector must tell apart, so {@code babble demo} can run the whole
 * pipeline on a fresh machine with no recordings: a baby crying (harmonic bursts with a pitch contour and breathing
 * gaps), an empty room (mains hum and hiss) and household noise (clatter, running water, broadband bursts).
 *
 * <p>Every recording is fully determined by its seed, so the demo is repeatable.
 */
public final class DemoSounds {
    /** The labels {@link #generate} understands, in the demo's order. */
    public static final List<String> LABELS = List.of("crying", "noise", "room_empty");

    private DemoSounds() {}

    /** A mono recording of {@code seconds} of the given label, full scale ±1. */
    public static float[] generate(String label, double seconds, int sampleRate, long seed) {
        int n = (int) Math.round(seconds * sampleRate);
        Random random = new Random(seed);
        float[] out = switch (label) {
            case "crying" -> crying(n, sampleRate, random);
            case "noise" -> household(n, sampleRate, random);
            case "room_empty" -> room(n, sampleRate, random);
            default -> throw new IllegalArgumentException("no demo sound for label " + label);
        };
        addRoomTone(out, random, 0.002 + 0.004 * random.nextDouble());
        return out;
    }

    /** Cry bursts 0.4–1.3 s long separated by 0.15–0.5 s inhalations. */
    private static float[] crying(int n, int rate, Random random) {
        float[] out = new float[n];
        double baseF0 = 320 + 180 * random.nextDouble();
        double level = 0.15 + 0.25 * random.nextDouble();
        int pos = (int) (random.nextDouble() * 0.3 * rate);
        while (pos < n) {
            int burst = (int) ((0.4 + 0.9 * random.nextDouble()) * rate);
            double peakF0 = baseF0 * (1.1 + 0.4 * random.nextDouble());
            double phase = 0;
            double vibratoHz = 5 + 3 * random.nextDouble();
            for (int i = 0; i < burst && pos + i < n; i++) {
                double t = i / (double) burst;
                double contour = Math.sin(Math.PI * Math.min(1, t * 1.3));
                double f0 = baseF0 + (peakF0 - baseF0) * contour + 12 * Math.sin(2 * Math.PI * vibratoHz * i / rate);
                phase += 2 * Math.PI * f0 / rate;
                double envelope = Math.min(1, t * 12) * Math.min(1, (1 - t) * 6);
                double sample = 0;
                for (int h = 1; h <= 12 && h * f0 < rate / 2.0; h++) {
                    double formant = formantGain(h * f0);
                    sample += formant * Math.sin(h * phase) / h;
                }
                out[pos + i] += (float) (level * envelope * sample * (1 + 0.15 * random.nextGaussian() * 0.2));
            }
            pos += burst;
            int gap = (int) ((0.15 + 0.35 * random.nextDouble()) * rate);
            double breath = level * 0.05;
            for (int i = 0; i < gap && pos + i < n; i++) {
                double t = i / (double) gap;
                out[pos + i] += (float) (breath * Math.sin(Math.PI * t) * random.nextGaussian());
            }
            pos += gap;
        }
        return out;
    }

    /** Vocal-tract-like emphasis around 1.1 kHz and 3 kHz, which makes a cry sound nasal rather than like an organ. */
    private static double formantGain(double hz) {
        return 0.4 + Math.exp(-Math.pow((hz - 1100) / 500, 2)) + 0.6 * Math.exp(-Math.pow((hz - 3000) / 700, 2));
    }

    /** Clatter (decaying resonances), running water (modulated noise) and door-slam bursts, mixed at random. */
    private static float[] household(int n, int rate, Random random) {
        float[] out = new float[n];
        double waterLevel = random.nextDouble() < 0.5 ? 0.02 + 0.08 * random.nextDouble() : 0;
        double lowpass = 0;
        for (int i = 0; i < n; i++) {
            double white = random.nextGaussian();
            lowpass += 0.3 * (white - lowpass);
            double modulation =
                    1 + 0.5 * Math.sin(2 * Math.PI * 3.1 * i / rate + 7 * Math.sin(2 * Math.PI * 0.4 * i / rate));
            out[i] += (float) (waterLevel * modulation * (white - lowpass));
        }
        int events = 2 + random.nextInt((int) Math.max(2, n / (double) rate * 2));
        for (int e = 0; e < events; e++) {
            int start = random.nextInt(n);
            double freq = 300 + 4000 * random.nextDouble();
            double decay = 20 + 80 * random.nextDouble();
            double amp = 0.1 + 0.4 * random.nextDouble();
            boolean thud = random.nextDouble() < 0.3;
            int length = Math.min(n - start, (int) (rate * 0.4));
            double rumble = 0;
            for (int i = 0; i < length; i++) {
                double t = i / (double) rate;
                double env = Math.exp(-decay * t);
                double s = thud
                        ? (rumble += 0.05 * (random.nextGaussian() - rumble))
                        : Math.sin(2 * Math.PI * freq * t) * 0.7 + 0.3 * random.nextGaussian();
                out[start + i] += (float) (amp * env * s * (thud ? 4 : 1));
            }
        }
        return out;
    }

    /** Mains hum at 50 or 60 Hz with harmonics, slow HVAC rumble and hiss: quiet, steady. */
    private static float[] room(int n, int rate, Random random) {
        float[] out = new float[n];
        double mains = random.nextBoolean() ? 50 : 60;
        double hum = 0.005 + 0.02 * random.nextDouble();
        double rumble = 0;
        for (int i = 0; i < n; i++) {
            double t = i / (double) rate;
            double s = hum
                    * (Math.sin(2 * Math.PI * mains * t)
                            + 0.5 * Math.sin(2 * Math.PI * 2 * mains * t)
                            + 0.25 * Math.sin(2 * Math.PI * 3 * mains * t));
            rumble += 0.01 * (random.nextGaussian() - rumble);
            out[i] += (float) (s + 0.3 * rumble);
        }
        return out;
    }

    private static void addRoomTone(float[] out, Random random, double level) {
        for (int i = 0; i < out.length; i++) {
            out[i] += (float) (level * random.nextGaussian());
        }
    }
}
