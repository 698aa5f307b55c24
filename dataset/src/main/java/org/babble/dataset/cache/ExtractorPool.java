package org.babble.dataset.cache;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.babble.core.BabbleException;
import org.babble.core.features.FeatureExtractor;
import org.babble.core.features.FeatureSettings;
import org.babble.core.features.MelBandExtractor;

/**
 * Feature extraction on a few threads, each with its own extractor (extractors reuse buffers and are not thread-safe).
 * On two cores, two threads halve the time a batch of clips takes to featurise.
 */
public final class ExtractorPool implements AutoCloseable {
    private final ForkJoinPool pool;
    private final ThreadLocal<FeatureExtractor> extractors;
    private final FeatureSettings settings;
    private final double[] bandCentresHz;

    public ExtractorPool(Supplier<FeatureExtractor> factory, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.pool = new ForkJoinPool(threads);
        this.extractors = ThreadLocal.withInitial(factory);
        FeatureExtractor probe = factory.get();
        extractors.set(probe); // this thread's extractor: built once, not again on first use
        this.settings = probe.settings();
        this.bandCentresHz = probe instanceof MelBandExtractor mel ? mel.bandCentresHz() : null;
    }

    /** True when the extractors are built on mel bands ({@link MelBandExtractor}). */
    public boolean hasBands() {
        return bandCentresHz != null;
    }

    /** Centre of each mel band, Hz; only when {@link #hasBands()}. */
    public double[] bandCentresHz() {
        return bandCentresHz.clone();
    }

    /** Mel-band magnitudes {@code [frame][band]} of a recording of any length, on the calling thread. */
    public float[][] bands(float[] recording) {
        return melExtractor().bands(recording);
    }

    /** Features of a clip from its band magnitudes, on the calling thread. */
    public float[][] finish(float[][] bands) {
        return melExtractor().finish(bands);
    }

    private MelBandExtractor melExtractor() {
        if (extractors.get() instanceof MelBandExtractor mel) {
            return mel;
        }
        throw new IllegalStateException(settings.preprocess() + " features have no mel bands");
    }

    public FeatureSettings settings() {
        return settings;
    }

    /** Features of one clip on the calling thread. */
    public float[][] extract(float[] samples) {
        return extractors.get().extract(samples);
    }

    /** {@code count} feature matrices, item {@code i} made by {@code job.apply(i)} on one of the pool's threads. */
    public float[][][] map(int count, IntFunction<float[][]> job) {
        float[][][] out = new float[count][][];
        try {
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(i -> out[i] = job.apply(i)))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BabbleException("interrupted while computing features", null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("feature extraction failed", e.getCause());
        }
        return out;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
