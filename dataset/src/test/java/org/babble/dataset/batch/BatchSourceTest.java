package org.babble.dataset.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.babble.core.features.FeatureExtractor;
import org.babble.core.features.FeatureLayout;
import org.babble.core.features.FeatureSettings;
import org.babble.core.features.MelBandExtractor;
import org.babble.core.features.MfccExtractor;
import org.babble.dataset.augment.AugmentDomain;
import org.babble.dataset.augment.AugmentSettings;
import org.babble.dataset.augment.MixSettings;
import org.babble.dataset.index.DatasetSettings;
import org.babble.dataset.load.RatePolicy;
import org.babble.dataset.split.Split;
import org.babble.dataset.testing.CountingExtractor;
import org.babble.dataset.testing.WavTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

class BatchSourceTest {
    private static final FeatureSettings FEATURES = FeatureSettings.defaults(8000, 250);

    @TempDir
    Path dir;

    private final AtomicInteger calls = new AtomicInteger();
    private BatchSource source;

    @BeforeEach
    void open() {
        new WavTree(dir, 8000)
                .folder("yes", 40, 2, 2000)
                .folder("no", 40, 2, 1500)
                .folder("up", 30, 1, 2000)
                .folder("_background_noise_", 1, 1, 8000);
        source = open(AugmentSettings.tfDefaults());
    }

    private BatchSource open(AugmentSettings augment) {
        return BatchSource.open(
                DatasetSettings.defaults(dir, List.of("yes", "no")),
                FEATURES,
                augment,
                CountingExtractor.factory(FEATURES, calls),
                RatePolicy.REFUSE,
                2);
    }

    @AfterEach
    void close() {
        source.close();
    }

    @Test
    void evaluationFeaturesAreComputedOnceAndServedFromTheCacheAfterwards() {
        int validation = source.size(Split.VALIDATION);
        List<Batch> first = source.batches(Split.VALIDATION, 16);
        assertEquals(validation, calls.get(), "one extraction per validation example");
        List<Batch> second = source.batches(Split.VALIDATION, 16);
        assertEquals(validation, calls.get(), "the second pass must not call the extractor");
        for (int i = 0; i < first.size(); i++) {
            assertTrue(Arrays.deepEquals(first.get(i).features(), second.get(i).features()));
        }
    }

    @Test
    void withoutAugmentationTrainingEpochsAfterTheFirstDoNotRecompute() {
        source.close();
        source = open(AugmentSettings.none());
        calls.set(0);
        SplitIterator epochs = source.iterator(Split.TRAINING, 32, FeatureLayout.FLAT, true, true);
        int seen = 0;
        while (epochs.hasNext()) {
            seen += epochs.next().numExamples();
        }
        int afterFirst = calls.get();
        assertEquals(source.size(Split.TRAINING), seen);
        epochs.reset();
        while (epochs.hasNext()) {
            epochs.next();
        }
        // Silence with background noise is drawn fresh each time, as TF does; words come from the cache.
        long silence = source.index().examples(Split.TRAINING).stream()
                .filter(e -> e.isSilence())
                .count();
        assertEquals(afterFirst + silence, calls.get());
    }

    @Test
    void trainingBatchesDependOnlyOnSeedAndStep() {
        Batch a = source.trainingBatch(5, 20);
        Batch b = source.trainingBatch(5, 20);
        assertTrue(Arrays.deepEquals(a.features(), b.features()));
        assertArrayEquals(a.labels(), b.labels());
        assertFalse(Arrays.deepEquals(a.features(), source.trainingBatch(6, 20).features()));
        try (PrefetchedBatches prefetched = source.prefetch(4, 20, 2)) {
            prefetched.next();
            Batch c = prefetched.next();
            assertTrue(Arrays.deepEquals(a.features(), c.features()), "background thread makes the same batch");
            assertEquals(6, prefetched.nextStep());
        }
    }

    @Test
    void onMelBandsTrainingFeaturisesEachClipOnceAndNeverPerStep() {
        source.close();
        AtomicInteger bands = new AtomicInteger();
        AtomicInteger extracts = new AtomicInteger();
        Supplier<FeatureExtractor> counting =
                () -> new CountingMelExtractor(new MfccExtractor(FEATURES), bands, extracts);
        source = BatchSource.open(
                DatasetSettings.defaults(dir, List.of("yes", "no")),
                FEATURES,
                AugmentSettings.tfDefaults().withDomain(AugmentDomain.BANDS),
                counting,
                RatePolicy.REFUSE,
                2);
        int noiseFiles = 1;
        assertEquals(noiseFiles, bands.get(), "background noise bands are computed up front");
        Batch first = source.trainingBatch(1, 20);
        long words = source.index().examples(Split.TRAINING).stream()
                .filter(e -> !e.isSilence())
                .count();
        assertEquals(noiseFiles + words, bands.get(), "every training word once");
        for (int step = 2; step < 8; step++) {
            source.trainingBatch(step, 20);
        }
        assertEquals(noiseFiles + words, bands.get());
        assertEquals(0, extracts.get(), "no clip is featurised from audio");
        assertTrue(
                Arrays.deepEquals(first.features(), source.trainingBatch(1, 20).features()));
        assertFalse(
                Arrays.deepEquals(first.features(), source.trainingBatch(2, 20).features()));
    }

    @Test
    void onMelBandsUnvariedWordsComeFromTheCacheWhileSilenceStillGetsFreshNoise() {
        source.close();
        source = BatchSource.open(
                DatasetSettings.defaults(dir, List.of("yes", "no")),
                FEATURES,
                AugmentSettings.none().withDomain(AugmentDomain.BANDS),
                () -> new MfccExtractor(FEATURES),
                RatePolicy.REFUSE,
                2);
        List<float[][]> cached = new java.util.ArrayList<>();
        source.batches(Split.TRAINING, 1000).forEach(b -> cached.addAll(Arrays.asList(b.features())));
        Batch batch = source.trainingBatch(1, 40);
        int silence = 0;
        for (int i = 0; i < batch.labels().length; i++) {
            float[][] features = batch.features()[i];
            boolean fromCache = cached.stream().anyMatch(c -> Arrays.deepEquals(c, features));
            if (batch.labels()[i] == 0) {
                silence++;
                assertFalse(fromCache, "silence gets a fresh stretch of background noise each step");
            } else {
                assertTrue(fromCache, "an unvaried word is its cached features");
            }
        }
        assertTrue(silence > 0, "no silence drawn in 40 examples");
    }

    /** A real MFCC extractor that counts how often it computes bands and whole features. */
    private record CountingMelExtractor(MfccExtractor inner, AtomicInteger bands, AtomicInteger extracts)
            implements MelBandExtractor {
        @Override
        public FeatureSettings settings() {
            return inner.settings();
        }

        @Override
        public void extract(float[] samples, float[] destination, int offset) {
            extracts.incrementAndGet();
            inner.extract(samples, destination, offset);
        }

        @Override
        public double[] bandCentresHz() {
            return inner.bandCentresHz();
        }

        @Override
        public float[][] bands(float[] recording) {
            bands.incrementAndGet();
            return inner.bands(recording);
        }

        @Override
        public float[][] finish(float[][] clipBands) {
            return inner.finish(clipBands);
        }
    }

    @Test
    void mixingChangesOnlyTheMixedClipsAndRepeatsBySeedAndStep() {
        Batch plain = source.trainingBatch(5, 40);
        source.close();
        source = open(AugmentSettings.tfDefaults().withMix(new MixSettings(1, 0, 0, List.of("no"))));
        Batch mixed = source.trainingBatch(5, 40);
        assertArrayEquals(plain.labels(), mixed.labels(), "mixing draws on its own stream");
        assertTrue(
                Arrays.deepEquals(mixed.features(), source.trainingBatch(5, 40).features()));
        int changed = 0;
        for (int i = 0; i < plain.size(); i++) {
            boolean same = Arrays.deepEquals(plain.features()[i], mixed.features()[i]);
            String label = source.labels().get(plain.labels()[i]);
            if (label.equals("yes")) {
                changed += same ? 0 : 1;
            } else if (!label.equals("_unknown_")) {
                assertTrue(same, label + " clips have no other background folder, or are silence");
            }
        }
        assertTrue(changed > 0, "no yes clip was mixed");
    }

    @Test
    void trainingBatchesSampleWithReplacementAcrossAllLabels() {
        Set<Integer> labels = new HashSet<>();
        for (int step = 0; step < 20; step++) {
            for (int label : source.trainingBatch(step, 16).labels()) {
                labels.add(label);
            }
        }
        assertEquals(Set.of(0, 1, 2, 3), labels);
    }

    @Test
    void layoutsPutFramesAndBinsWhereTheArchitectureExpects() {
        Batch batch = source.batch(Split.TESTING, 0, 3);
        int frames = FEATURES.frameCount();
        int bins = FEATURES.binsPerFrame();
        INDArray image = batch.input(FeatureLayout.IMAGE);
        INDArray channels = batch.input(FeatureLayout.CHANNELS);
        INDArray flat = batch.input(FeatureLayout.FLAT);
        assertArrayEquals(new long[] {3, 1, frames, bins}, image.shape());
        assertArrayEquals(new long[] {3, bins, frames, 1}, channels.shape());
        assertArrayEquals(new long[] {3, (long) frames * bins}, flat.shape());
        float expected = batch.features()[2][frames - 1][5];
        assertEquals(expected, image.getFloat(2, 0, frames - 1, 5));
        assertEquals(expected, channels.getFloat(2, 5, frames - 1, 0));
        assertEquals(expected, flat.getFloat(2, (long) (frames - 1) * bins + 5));
        INDArray oneHot = batch.oneHotLabels();
        assertArrayEquals(new long[] {3, 4}, oneHot.shape());
        for (int i = 0; i < 3; i++) {
            assertEquals(1.0, oneHot.getRow(i).sumNumber().doubleValue());
            assertEquals(1.0, oneHot.getDouble(i, batch.labels()[i]));
        }
    }

    @Test
    void theIteratorCoversASplitOncePerEpochAndReshufflesByEpoch() {
        SplitIterator it = source.iterator(Split.TRAINING, 25, FeatureLayout.CHANNELS, true, false);
        assertEquals(List.of("_silence_", "_unknown_", "yes", "no"), it.getLabels());
        assertEquals(4, it.totalOutcomes());
        int examples = 0;
        while (it.hasNext()) {
            DataSet next = it.next();
            examples += next.numExamples();
        }
        assertEquals(source.size(Split.TRAINING), examples);
        assertFalse(Arrays.equals(source.epochOrder(Split.TRAINING, 0), source.epochOrder(Split.TRAINING, 1)));
        int[] sorted = source.epochOrder(Split.TRAINING, 1).clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
    }
}
