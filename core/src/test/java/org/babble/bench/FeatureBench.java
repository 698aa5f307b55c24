package org.babble.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.babble.core.features.FeatureExtractor;
import org.babble.core.features.FeatureExtractors;
import org.babble.core.features.FeatureSettings;
import org.babble.core.features.FeatureSettings.Preprocess;
import org.babble.testing.Signals;

/**
 * Seconds of one core's time to featurise one hour of 22050 Hz audio, cut into 1-s clips as training does, for each
 * preprocess. Target: under 2 s. Run with {@code bench/features.sh}.
 *
 * <p>Reports this thread's CPU time, which other processes on a busy machine inflate far less than wall-clock time,
 * and the wall-clock time beside it.
 */
public final class FeatureBench {
    private static final int SAMPLE_RATE = 22050;
    private static final int CLIPS_PER_HOUR = 3600;
    private static final int RUNS = 5;

    private FeatureBench() {}

    public static void main(String[] args) {
        float[] clip = Signals.noise(0.1, 42, SAMPLE_RATE);
        float[] chirp = Signals.chirp(100, 8000, 0.5, SAMPLE_RATE, SAMPLE_RATE);
        for (int i = 0; i < clip.length; i++) {
            clip[i] += chirp[i];
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf(
                "%-10s %12s %12s %12s  (one hour = %d clips of 1 s at %d Hz, one thread)%n",
                "preprocess", "cpu best s", "cpu median s", "wall best s", CLIPS_PER_HOUR, SAMPLE_RATE);
        for (Preprocess preprocess : Preprocess.values()) {
            FeatureSettings settings =
                    FeatureSettings.defaults(SAMPLE_RATE, 1000).withPreprocess(preprocess);
            FeatureExtractor extractor = FeatureExtractors.create(settings);
            float[] out = new float[settings.featureSize()];
            double sink = 0;
            for (int i = 0; i < 2 * CLIPS_PER_HOUR; i++) {
                extractor.extract(clip, out, 0);
                sink += out[i % out.length];
            }
            double[] cpu = new double[RUNS];
            double[] wall = new double[RUNS];
            for (int r = 0; r < RUNS; r++) {
                long startCpu = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                for (int i = 0; i < CLIPS_PER_HOUR; i++) {
                    extractor.extract(clip, out, 0);
                    sink += out[i % out.length];
                }
                wall[r] = (System.nanoTime() - start) / 1e9;
                cpu[r] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e9;
            }
            Arrays.sort(cpu);
            Arrays.sort(wall);
            System.out.printf(
                    "%-10s %12.3f %12.3f %12.3f  (%d frames x %d bins per clip)%s%n",
                    preprocess.name().toLowerCase(),
                    cpu[0],
                    cpu[RUNS / 2],
                    wall[0],
                    settings.frameCount(),
                    settings.binsPerFrame(),
                    Double.isNaN(sink) ? " NaN!" : "");
        }
    }
}
