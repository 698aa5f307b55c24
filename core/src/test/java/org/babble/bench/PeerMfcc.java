package org.babble.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.babble.core.features.FeatureExtractor;
import org.babble.core.features.FeatureExtractors;
import org.babble.core.features.FeatureSettings;
import org.babble.testing.Signals;

/**
 * babble's side of {@code bench/peer/mfcc.sh}: the default MFCC ({@link FeatureSettings#defaults} at 22050 Hz, 1-s
 * clips: 98 frames × 40 coefficients) over one hour of audio, as {@link FeatureBench} times it, but on clips read from
 * a file that torchaudio's side reads too, so both featurise the same samples. The hour is {@value #CLIPS} distinct
 * clips (white noise under a chirp, as FeatureBench's, each with its own noise seed) taken {@value #PASSES} times:
 * 8.8 MB of audio, which both sides read from memory, rather than one clip that stays in cache.
 *
 * <p>The first run writes {@code DIR/clips.f32} (little-endian float32, clip after clip); every run writes babble's
 * features of the first clip to {@code DIR/babble-first.f32} (frames first) for the closeness check, warms the JIT up
 * on one untimed hour, then prints the best of its timed hours, wall-clock and this thread's CPU time, as one line:
 * {@code babble mfcc seconds S cpu_seconds C frames N}. Usage: PeerMfcc DIR [rounds].
 */
public final class PeerMfcc {
    static final int SAMPLE_RATE = 22050;
    static final int CLIPS = 100;
    static final int PASSES = 36;

    private PeerMfcc() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Files.createDirectories(dir);
        FeatureSettings settings = FeatureSettings.defaults(SAMPLE_RATE, 1000);
        int samples = settings.desiredSamples();
        Path audio = dir.resolve("clips.f32");
        if (!Files.exists(audio)) {
            write(audio, samples);
        }
        float[][] clips = read(audio, samples);
        FeatureExtractor extractor = FeatureExtractors.create(settings);
        float[] out = new float[settings.featureSize()];
        extractor.extract(clips[0], out, 0);
        Float32Files.write(dir.resolve("babble-first.f32"), out);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double sink = hour(extractor, clips, out); // warm-up, not counted
        double bestWall = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long startCpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            sink += hour(extractor, clips, out);
            bestWall = Math.min(bestWall, (System.nanoTime() - start) / 1e9);
            bestCpu = Math.min(bestCpu, (threads.getCurrentThreadCpuTime() - startCpu) / 1e9);
        }
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("NaN in babble's MFCC");
        }
        System.out.printf(
                Locale.ROOT,
                "babble mfcc seconds %.4f cpu_seconds %.4f frames %d shape %dx%d%n",
                bestWall,
                bestCpu,
                (long) CLIPS * PASSES * settings.frameCount(),
                settings.frameCount(),
                settings.binsPerFrame());
    }

    /** One hour: every clip {@value #PASSES} times; returns a value read from each result so none is optimised away. */
    private static double hour(FeatureExtractor extractor, float[][] clips, float[] out) {
        double sink = 0;
        for (int p = 0; p < PASSES; p++) {
            for (int c = 0; c < clips.length; c++) {
                extractor.extract(clips[c], out, 0);
                sink += out[(p + c) % out.length];
            }
        }
        return sink;
    }

    private static void write(Path audio, int samples) throws IOException {
        float[] all = new float[CLIPS * samples];
        float[] chirp = Signals.chirp(100, 8000, 0.5, SAMPLE_RATE, samples);
        for (int c = 0; c < CLIPS; c++) {
            float[] clip = Signals.noise(0.1, 42 + c, samples);
            for (int i = 0; i < samples; i++) {
                all[c * samples + i] = clip[i] + chirp[i];
            }
        }
        Float32Files.write(audio, all);
    }

    private static float[][] read(Path audio, int samples) throws IOException {
        float[] all = Float32Files.read(audio);
        if (all.length != CLIPS * samples) {
            throw new IOException(audio + " is not " + CLIPS + " clips of " + samples + " float32 samples");
        }
        float[][] clips = new float[CLIPS][];
        for (int c = 0; c < CLIPS; c++) {
            clips[c] = java.util.Arrays.copyOfRange(all, c * samples, (c + 1) * samples);
        }
        return clips;
    }
}
