package org.babble.dataset.cache;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.babble.dataset.index.Example;
import org.babble.dataset.load.LoadedData;
import org.babble.dataset.split.Split;

/**
 * Unaugmented features (and, for mel features, band magnitudes) of every clip of a data set, computed once and shared
 * by several {@link FeatureCache}s over the same clips: the K models of a cross-source evaluation each see a different
 * split of one folder, and none of them featurises a clip again. Read-only once built, so folds may share it across
 * threads.
 */
public final class SharedFeatures {
    private final Map<Path, float[][]> features;
    private final Map<Path, float[][]> bands;

    private SharedFeatures(Map<Path, float[][]> features, Map<Path, float[][]> bands) {
        this.features = features;
        this.bands = bands;
    }

    /** Features of every clip {@code data} holds, on the pool; band magnitudes too when {@code withBands}. */
    public static SharedFeatures compute(LoadedData data, ExtractorPool extractors, boolean withBands) {
        Map<Path, Example> byFile = new LinkedHashMap<>();
        for (Split split : Split.values()) {
            data.index().examples(split).stream()
                    .filter(e -> !e.isSilence())
                    .forEach(e -> byFile.putIfAbsent(e.file(), e));
        }
        List<Example> clips = List.copyOf(byFile.values());
        float[][][] extracted = extractors.map(clips.size(), i -> extractors.extract(data.audio(clips.get(i))));
        float[][][] magnitudes = withBands && extractors.hasBands()
                ? extractors.map(clips.size(), i -> extractors.bands(data.audio(clips.get(i))))
                : null;
        Map<Path, float[][]> features = new HashMap<>();
        Map<Path, float[][]> bands = new HashMap<>();
        for (int i = 0; i < clips.size(); i++) {
            features.put(clips.get(i).file(), extracted[i]);
            if (magnitudes != null) {
                bands.put(clips.get(i).file(), magnitudes[i]);
            }
        }
        return new SharedFeatures(Map.copyOf(features), Map.copyOf(bands));
    }

    /** The clip's unaugmented features, or null when it was not computed here. Shared: do not modify. */
    public float[][] features(Path clip) {
        return features.get(clip);
    }

    /** The clip's mel-band magnitudes, or null when they were not computed here. Shared: do not modify. */
    public float[][] bands(Path clip) {
        return bands.get(clip);
    }
}
