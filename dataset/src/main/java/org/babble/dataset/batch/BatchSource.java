package org.babble.dataset.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.babble.core.BabbleException;
import org.babble.core.evaluate.Scores;
import org.babble.core.features.FeatureExtractor;
import org.babble.core.features.FeatureExtractors;
import org.babble.core.features.FeatureLayout;
import org.babble.core.features.FeatureSettings;
import org.babble.dataset.augment.AugmentDomain;
import org.babble.dataset.augment.AugmentSettings;
import org.babble.dataset.augment.Augmenter;
import org.babble.dataset.augment.BandAugmenter;
import org.babble.dataset.cache.ExtractorPool;
import org.babble.dataset.cache.FeatureCache;
import org.babble.dataset.cache.SharedFeatures;
import org.babble.dataset.index.DataIndex;
import org.babble.dataset.index.DatasetSettings;
import org.babble.dataset.index.Example;
import org.babble.dataset.load.ClipLoader;
import org.babble.dataset.load.LoadedData;
import org.babble.dataset.load.RatePolicy;
import org.babble.dataset.random.Seeds;
import org.babble.dataset.split.Split;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Everything training and evaluation draw from one data folder: TF speech_commands' {@code AudioProcessor}. Training
 * batches are drawn per step at random with replacement and augmented ({@link #trainingBatch}, TF's
 * {@code get_data(batch, 0, 'training')}), or per epoch in a seeded shuffled order ({@link SplitIterator}); validation and
 * testing batches are unaugmented and served from the feature cache. With {@link AugmentDomain#BANDS} and mel features,
 * each training clip's mel bands are computed once and varied per step ({@link BandAugmenter}) instead of its audio.
 * Every batch depends only on (seed, step, position), never on threads or timing, so a run repeats exactly and resumes
 * exactly from a step number.
 */
public final class BatchSource implements AutoCloseable {
    private static final long EPOCH_STREAM = 0xE90C4L;
    private static final long PICK_STREAM = 0x91C4L;
    private static final long AUGMENT_STREAM = 0xA06L;
    /** Its own stream, so runs without mixing draw exactly what they drew before it existed. */
    private static final long MIX_STREAM = 0x3171L;

    private final LoadedData data;
    private final Augmenter augmenter;
    private final BandAugmenter bandAugmenter;
    private final ExtractorPool extractors;
    private final FeatureCache cache;
    private final MixPartners mixPartners;
    private final long seed;
    private final SharedFeatures shared;
    private float[][][] trainingBands;

    public BatchSource(LoadedData data, AugmentSettings augment, ExtractorPool extractors, long seed) {
        this(data, augment, extractors, seed, null);
    }

    /** A source that takes clips' unaugmented features and bands from {@code shared} (null: computes them). */
    public BatchSource(
            LoadedData data, AugmentSettings augment, ExtractorPool extractors, long seed, SharedFeatures shared) {
        this.data = data;
        this.augmenter = new Augmenter(augment, extractors.settings().sampleRate(), data.backgroundNoise());
        this.extractors = extractors;
        this.shared = shared;
        this.cache = new FeatureCache(data, augmenter, extractors, seed, shared);
        this.seed = seed;
        this.mixPartners = new MixPartners(augment.mix(), data.index().examples(Split.TRAINING));
        this.bandAugmenter = augment.domain() == AugmentDomain.BANDS && extractors.hasBands()
                ? new BandAugmenter(
                        augment,
                        extractors.settings().sampleRate(),
                        extractors.settings().desiredSamples(),
                        extractors.settings().windowStrideSamples(),
                        extractors.bandCentresHz(),
                        List.of(extractors.map(
                                data.backgroundNoise().size(),
                                i -> extractors.bands(data.backgroundNoise().get(i)))))
                : null;
    }

    /**
     * Indexes {@code dataset.dataDir()}, decodes every clip (converting rates with {@code rates}) and prepares
     * featurising on {@code threads} threads, each with an extractor from {@code extractorFactory}.
     */
    public static BatchSource open(
            DatasetSettings dataset,
            FeatureSettings features,
            AugmentSettings augment,
            Supplier<FeatureExtractor> extractorFactory,
            RatePolicy rates,
            int threads) {
        DataIndex index = DataIndex.build(dataset);
        LoadedData data = LoadedData.load(index, new ClipLoader(features, rates));
        return new BatchSource(data, augment, new ExtractorPool(extractorFactory, threads), dataset.seed());
    }

    /**
     * {@link #open(DatasetSettings, FeatureSettings, AugmentSettings, Supplier, RatePolicy, int)} with babble's
     * extractors ({@link FeatureExtractors#create}), clips at other rates resampled, one thread per core.
     */
    public static BatchSource open(DatasetSettings dataset, FeatureSettings features, AugmentSettings augment) {
        return open(
                dataset,
                features,
                augment,
                () -> FeatureExtractors.create(features),
                RatePolicy.RESAMPLE,
                Runtime.getRuntime().availableProcessors());
    }

    public LoadedData data() {
        return data;
    }

    /** The settings of the features every batch holds. */
    public FeatureSettings featureSettings() {
        return extractors.settings();
    }

    public DataIndex index() {
        return data.index();
    }

    /** {@code _silence_, _unknown_, wanted...}. */
    public List<String> labels() {
        return data.index().labels();
    }

    public int size(Split split) {
        return data.index().examples(split).size();
    }

    /** True when training varies each clip's cached mel bands rather than its audio ({@link BandAugmenter}). */
    public boolean augmentsBands() {
        return bandAugmenter != null;
    }

    /**
     * TF's training batch for one step: {@code batchSize} examples drawn at random with replacement, each augmented.
     * The same (seed, step) always gives the same batch.
     */
    public Batch trainingBatch(long step, int batchSize) {
        List<Example> examples = data.index().examples(Split.TRAINING);
        requireExamples(examples, Split.TRAINING);
        SplittableRandom pick = new SplittableRandom(Seeds.mix(seed, PICK_STREAM, step));
        int[] positions = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            positions[i] = pick.nextInt(examples.size());
        }
        return augmentedBatch(positions, step);
    }

    /** Examples {@code offset..offset+count-1} of a split, unaugmented, from the cache (TF's deterministic get_data). */
    public Batch batch(Split split, int offset, int count) {
        int to = Math.min(size(split), offset + count);
        int[] positions = new int[Math.max(0, to - offset)];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = offset + i;
        }
        return cachedBatch(split, positions);
    }

    /** A split in batches of {@code batchSize}, unaugmented, in index order (the last may be short). */
    public List<Batch> batches(Split split, int batchSize) {
        List<Batch> out = new ArrayList<>();
        for (int offset = 0; offset < size(split); offset += batchSize) {
            out.add(batch(split, offset, batchSize));
        }
        return out;
    }

    /** The positions of a split in the seeded order of the given epoch. */
    public int[] epochOrder(Split split, int epoch) {
        int n = size(split);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, EPOCH_STREAM + split.streamOffset(), epoch));
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /**
     * Training batches for steps {@code firstStep, firstStep+1, ...} prepared on a background thread, at most
     * {@code queueDepth} ahead, while the caller trains on the previous one. Close it when done.
     */
    public PrefetchedBatches prefetch(long firstStep, int batchSize, int queueDepth) {
        return new PrefetchedBatches(step -> trainingBatch(step, batchSize), firstStep, queueDepth);
    }

    /** A DL4J iterator over a split: one pass per epoch, reshuffled by epoch when {@code shuffle}. */
    /**
     * {@code network}'s scores on every clip of {@code split}, unaugmented, in order. Here rather than in the command
     * that asks, so that the command's class links without ND4J (the runtime without natives loads every command).
     */
    public Scores scores(
            MultiLayerNetwork network, Split split, int batchSize, FeatureLayout layout, List<String> labels) {
        return Scores.of(network, iterator(split, batchSize, layout, false, false), labels);
    }

    public SplitIterator iterator(Split split, int batchSize, FeatureLayout layout, boolean shuffle, boolean augment) {
        return new SplitIterator(this, split, batchSize, layout, shuffle, augment);
    }

    Batch cachedBatch(Split split, int[] positions) {
        List<Example> examples = data.index().examples(split);
        float[][][] features = new float[positions.length][][];
        int[] labels = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            features[i] = cache.features(split, positions[i]);
            labels[i] = examples.get(positions[i]).labelIndex();
        }
        return new Batch(features, labels, labels().size());
    }

    Batch augmentedBatch(int[] positions, long stream) {
        List<Example> examples = data.index().examples(Split.TRAINING);
        boolean wordsFromCache = augmenter.settings().leavesWordsUnchanged();
        boolean silenceFromCache = wordsFromCache && data.backgroundNoise().isEmpty();
        // Fill the cache first, on this thread: a pool thread must never wait for the pool.
        float[][][] cached = wordsFromCache ? cache.all(Split.TRAINING) : null;
        int[] labels = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            labels[i] = examples.get(positions[i]).labelIndex();
        }
        float[][][] bands = bandAugmenter != null && !wordsFromCache ? trainingBands() : null;
        int frames = extractors.settings().frameCount();
        float[][][] features = extractors.map(positions.length, i -> {
            Example example = examples.get(positions[i]);
            if (example.isSilence() ? silenceFromCache : wordsFromCache) {
                return cached[positions[i]];
            }
            SplittableRandom random = new SplittableRandom(Seeds.mix(seed, AUGMENT_STREAM ^ stream, i));
            SplittableRandom mixRandom = new SplittableRandom(Seeds.mix(seed, MIX_STREAM ^ stream, i));
            float[][] matrix;
            if (bandAugmenter != null) {
                float[][] clip = example.isSilence() ? null : bands[positions[i]];
                MixPartners.Partner partner = mixPartners.draw(positions[i], frames, mixRandom);
                float[][] under = partner.position() < 0 ? null : bands[partner.position()];
                matrix = extractors.finish(
                        bandAugmenter.augment(clip, example.isSilence(), frames, under, partner.mix(), random));
            } else {
                MixPartners.Partner partner = mixPartners.draw(positions[i], data.clipSamples(), mixRandom);
                float[] under = partner.position() < 0 ? null : data.audio(examples.get(partner.position()));
                float[] audio =
                        augmenter.augment(data.audio(example), example.isSilence(), under, partner.mix(), random);
                matrix = extractors.extract(audio);
            }
            augmenter.maskFeatures(matrix, random);
            return matrix;
        });
        return new Batch(features, labels, labels().size());
    }

    /** Mel-band magnitudes of every training clip (null for silence), computed by the pool on first use. */
    private synchronized float[][][] trainingBands() {
        if (trainingBands == null) {
            List<Example> examples = data.index().examples(Split.TRAINING);
            trainingBands = extractors.map(examples.size(), i -> {
                Example example = examples.get(i);
                if (example.isSilence()) {
                    return null;
                }
                float[][] known = shared == null ? null : shared.bands(example.file());
                return known != null ? known : extractors.bands(data.audio(example));
            });
        }
        return trainingBands;
    }

    private static void requireExamples(List<Example> examples, Split split) {
        if (examples.isEmpty()) {
            throw new BabbleException(
                    "the " + split.tfName() + " split has no examples",
                    "add clips or change the " + "split percentages");
        }
    }

    @Override
    public void close() {
        extractors.close();
    }
}
