package org.babble.dataset.cache;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.babble.dataset.augment.Augmenter;
import org.babble.dataset.index.Example;
import org.babble.dataset.load.LoadedData;
import org.babble.dataset.random.Seeds;
import org.babble.dataset.split.Split;

/**
 * Unaugmented features of every example, computed once per split on first use and kept in memory, so evaluation and
 * epochs after the first never featurise a clip again. Silence examples get a fixed stretch of background noise drawn
 * from (seed, split, position), so an evaluation set is the same every time it is scored.
 */
public final class FeatureCache {
    private final LoadedData data;
    private final Augmenter augmenter;
    private final ExtractorPool extractors;
    private final long seed;
    private final SharedFeatures shared;
    private final Map<Split, float[][][]> features = new EnumMap<>(Split.class);

    public FeatureCache(LoadedData data, Augmenter augmenter, ExtractorPool extractors, long seed) {
        this(data, augmenter, extractors, seed, null);
    }

    /** A cache that takes each clip's features from {@code shared} when it has them (null: computes every one). */
    public FeatureCache(
            LoadedData data, Augmenter augmenter, ExtractorPool extractors, long seed, SharedFeatures shared) {
        this.data = data;
        this.augmenter = augmenter;
        this.extractors = extractors;
        this.seed = seed;
        this.shared = shared;
    }

    /** Features of example {@code position} of {@code split}; the whole split is computed on the first call. */
    public float[][] features(Split split, int position) {
        return all(split)[position];
    }

    /** Features of every example of a split, in index order. Shared: do not modify. */
    public synchronized float[][][] all(Split split) {
        return features.computeIfAbsent(split, this::compute);
    }

    private float[][][] compute(Split split) {
        List<Example> examples = data.index().examples(split);
        return extractors.map(examples.size(), i -> {
            float[][] known = shared == null || examples.get(i).isSilence()
                    ? null
                    : shared.features(examples.get(i).file());
            return known != null ? known : extractors.extract(unaugmentedAudio(split, i));
        });
    }

    /** The audio whose features are cached: the clip itself, or a fixed noise stretch for silence. */
    private float[] unaugmentedAudio(Split split, int position) {
        Example example = data.index().examples(split).get(position);
        if (!example.isSilence()) {
            return data.audio(example);
        }
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, 0x5113_0CE0L + split.streamOffset(), position));
        return augmenter.evaluationSilence(data.clipSamples(), random);
    }
}
