package org.babble.bench;

import java.nio.file.Path;
import java.util.List;
import org.babble.core.features.FeatureSettings;
import org.babble.dataset.augment.AugmentSettings;
import org.babble.dataset.batch.Batch;
import org.babble.dataset.batch.BatchSource;
import org.babble.dataset.index.DatasetSettings;
import org.babble.dataset.split.Split;

/**
 * Iterates all of ../shared/data/nursery and ../shared/data/speech once (every split; training augmented, an epoch's
 * worth of steps in batches of 100 through the prefetch thread) and prints sizes and times. Run under
 * {@code /usr/bin/time -v} (bench/dataset-rss.sh) for peak RSS; the target is 2 GB.
 */
public final class DatasetRssBench {
    private DatasetRssBench() {}

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : "../shared/data");
        run(
                DatasetSettings.defaults(root.resolve("nursery"), List.of("crying", "laughing", "noise", "room_empty"))
                        .withAllowEmptyClasses(true),
                FeatureSettings.defaults(22050, 5000));
        run(
                DatasetSettings.defaults(root.resolve("speech"), List.of("bed", "cat", "happy")),
                FeatureSettings.defaults(16000, 1000));
    }

    private static void run(DatasetSettings dataset, FeatureSettings features) {
        long start = System.nanoTime();
        try (BatchSource source =
                BatchSource.open(dataset, features, AugmentSettings.tfDefaults().withLowPass(0.5, 3000, 8000))) {
            long loaded = System.nanoTime();
            source.index()
                    .summary()
                    .forEach(line -> System.out.println(dataset.dataDir().getFileName() + " " + line));
            source.data()
                    .report()
                    .notes(features.sampleRate(), features.desiredSamples())
                    .forEach(line -> System.out.println("  note: " + line));
            long floats = 0;
            for (Split split : List.of(Split.VALIDATION, Split.TESTING)) {
                for (Batch batch : source.batches(split, 100)) {
                    floats += (long) batch.size() * batch.frames() * batch.bins();
                    batch.input(org.babble.core.features.FeatureLayout.CHANNELS);
                }
            }
            long evaluated = System.nanoTime();
            int steps = (source.size(Split.TRAINING) + 99) / 100;
            try (var prefetched = source.prefetch(0, 100, 2)) {
                for (int i = 0; i < steps; i++) {
                    Batch batch = prefetched.next();
                    floats += (long) batch.size() * batch.frames() * batch.bins();
                    batch.input(org.babble.core.features.FeatureLayout.CHANNELS);
                }
            }
            long trained = System.nanoTime();
            System.out.printf(
                    "%s: load %.2f s, evaluation features %.2f s, %d augmented training batches of 100 "
                            + "%.2f s (%.0f clips/s), %d floats%n",
                    dataset.dataDir().getFileName(),
                    (loaded - start) / 1e9,
                    (evaluated - loaded) / 1e9,
                    steps,
                    (trained - evaluated) / 1e9,
                    steps * 100 / ((trained - evaluated) / 1e9),
                    floats);
        }
    }
}
