package org.babble.core.audio;

import java.nio.file.Path;

/**
 * Not a test: times {@link Resampler} on a real recording, for {@code bench/resample.sh}. Prints the best of several
 * runs of mixdown + resampling (file reading excluded) and the real-time factor.
 *
 * <p>Usage: {@code ResamplerBenchmark FILE [TO_RATE] [RUNS]}
 */
public final class ResamplerBenchmark {
    private ResamplerBenchmark() {}

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int toRate = args.length > 1 ? Integer.parseInt(args[1]) : 22050;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        AudioClip clip = WavReader.read(file).clip();
        long best = Long.MAX_VALUE;
        int frames = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            float[] out = Resampler.resample(clip.mixdown(), clip.sampleRate(), toRate);
            best = Math.min(best, System.nanoTime() - start);
            frames = out.length;
        }
        System.out.printf(
                "%s: %d ch %d Hz, %.1f s -> %d Hz (%d samples): best of %d runs %.3f s (%.0fx real time)%n",
                file.getFileName(),
                clip.channelCount(),
                clip.sampleRate(),
                clip.durationSeconds(),
                toRate,
                frames,
                runs,
                best / 1e9,
                clip.durationSeconds() / (best / 1e9));
    }
}
