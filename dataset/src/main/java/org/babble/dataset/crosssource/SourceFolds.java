package org.babble.dataset.crosssource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.babble.dataset.index.Example;

/**
 * Which recordings each fold of a grouped K-fold tests: every clip of one source (the name before {@code _nohash_}) is
 * in the same fold, so a fold's model never heard the recordings it is tested on.
 *
 * <p>The rule is fixed and needs no random draw: class by class in label order, a class's sources are dealt largest first
 * (ties by name) onto the fold holding the fewest clips of that class so far (ties to the lower fold). A source already
 * dealt for an earlier class keeps its fold. A class with a single source cannot be tested this way and is listed in
 * {@link #singleSourceClasses()} instead. Folds do not depend on the seed: a new seed changes the training, never which
 * recordings are tested together.
 */
public final class SourceFolds {
    private final int k;
    private final Map<String, Integer> foldOfSource;
    private final Map<String, Map<String, Integer>> clipsBySource;
    private final List<String> singleSourceClasses;

    private SourceFolds(
            int k,
            Map<String, Integer> foldOfSource,
            Map<String, Map<String, Integer>> clipsBySource,
            List<String> singleSourceClasses) {
        this.k = k;
        this.foldOfSource = Map.copyOf(foldOfSource);
        this.clipsBySource = clipsBySource;
        this.singleSourceClasses = List.copyOf(singleSourceClasses);
    }

    /**
     * Deals the sources of {@code classes} (labels, in order) found among {@code clips} into {@code k} folds. Clips of
     * other labels and silence are ignored.
     */
    public static SourceFolds deal(List<Example> clips, List<String> classes, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("cross-source folds must be at least 2, got " + k);
        }
        Map<String, Map<String, Integer>> clipsBySource = new LinkedHashMap<>();
        for (String label : classes) {
            Map<String, Integer> counts = new TreeMap<>();
            clips.stream()
                    .filter(e -> !e.isSilence() && e.label().equals(label))
                    .forEach(e -> counts.merge(e.source(), 1, Integer::sum));
            clipsBySource.put(label, Collections.unmodifiableMap(counts));
        }
        Map<String, Integer> foldOfSource = new HashMap<>();
        List<String> single = new ArrayList<>();
        clipsBySource.forEach((label, counts) -> {
            if (counts.size() <= 1) {
                if (counts.size() == 1) {
                    single.add(label);
                }
                return;
            }
            long[] clipsInFold = new long[k];
            counts.forEach((source, n) -> {
                Integer dealt = foldOfSource.get(source);
                if (dealt != null) {
                    clipsInFold[dealt] += n;
                }
            });
            List<Map.Entry<String, Integer>> largestFirst = counts.entrySet().stream()
                    .filter(e -> !foldOfSource.containsKey(e.getKey()))
                    .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .toList();
            for (Map.Entry<String, Integer> source : largestFirst) {
                int fewest = 0;
                for (int f = 1; f < k; f++) {
                    if (clipsInFold[f] < clipsInFold[fewest]) {
                        fewest = f;
                    }
                }
                clipsInFold[fewest] += source.getValue();
                foldOfSource.put(source.getKey(), fewest);
            }
        });
        return new SourceFolds(k, foldOfSource, Collections.unmodifiableMap(clipsBySource), single);
    }

    public int k() {
        return k;
    }

    /** The classes whose clips all come from one recording: tested on held-out blocks of it, not on unseen sources. */
    public List<String> singleSourceClasses() {
        return singleSourceClasses;
    }

    /** The classes tested on recordings their fold's model never heard, in label order. */
    public List<String> multiSourceClasses() {
        return clipsBySource.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Clips per source of a class, by source name. */
    public Map<String, Integer> clipsBySource(String label) {
        return clipsBySource.getOrDefault(label, Map.of());
    }

    /** The sources fold {@code fold} tests (of every multi-source class); their clips must not train its model. */
    public Set<String> testSources(int fold) {
        return foldOfSource.entrySet().stream()
                .filter(e -> e.getValue() == fold)
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** True when {@code clip} belongs to a multi-source class and its source is tested by {@code fold}. */
    public boolean isTestedBy(Example clip, int fold) {
        if (clip.isSilence()
                || singleSourceClasses.contains(clip.label())
                || !clipsBySource.containsKey(clip.label())) {
            return false;
        }
        Integer dealt = foldOfSource.get(clip.source());
        return dealt != null && dealt == fold;
    }
}
