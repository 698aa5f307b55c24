package org.babble.dataset.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.babble.dataset.split.Split;

/**
 * Holds out the end of each recording for a class whose clips all hash into one split.
 *
 * <p>TF's split keys on the name before {@code _nohash_}, so every clip of one recording lands in the same split. A parent
 * with one night of "room_empty" would get no validation or test examples of it at all, and training would stop. For
 * such a class only, babble orders each recording's clips by their number after {@code _nohash_} (their position in
 * the recording), gives the last {@code testing%} to testing and the {@code validation%} before them to validation, and
 * drops {@value #GUARD_CLIPS} clips at each boundary: clips cut every second from 5-s windows share up to 4 s of audio
 * with their neighbours, and the guard keeps held-out audio disjoint from training audio.
 */
final class BlockSplit {
    /** Clips dropped on each side of a block boundary. */
    static final int GUARD_CLIPS = 4;

    private BlockSplit() {}

    /** The clips of one class, re-split by position within each recording. */
    static Map<Split, List<Example>> split(List<Example> clips, double validationPercentage, double testingPercentage) {
        Map<String, List<Example>> bySource = new LinkedHashMap<>();
        for (Example clip : clips) {
            bySource.computeIfAbsent(clip.source(), k -> new ArrayList<>()).add(clip);
        }
        Map<Split, List<Example>> result = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            result.put(split, new ArrayList<>());
        }
        for (List<Example> recording : bySource.values()) {
            recording.sort(Comparator.comparing(
                            (Example e) -> position(e.file().getFileName().toString()))
                    .thenComparing(e -> e.file().getFileName().toString()));
            int n = recording.size();
            int testing = (int) Math.ceil(n * testingPercentage / 100);
            int validation = (int) Math.ceil(n * validationPercentage / 100);
            int testStart = n - testing;
            int validationEnd = testStart - (testing > 0 ? GUARD_CLIPS : 0);
            int validationStart = validationEnd - validation;
            int trainingEnd = validationStart - (validation > 0 ? GUARD_CLIPS : 0);
            if (trainingEnd <= 0) {
                recording.forEach(e -> result.get(Split.TRAINING).add(e.withSplit(Split.TRAINING)));
                continue;
            }
            for (int i = 0; i < n; i++) {
                Split split = i >= testStart
                        ? Split.TESTING
                        : i >= validationStart && i < validationEnd
                                ? Split.VALIDATION
                                : i < trainingEnd ? Split.TRAINING : null;
                if (split != null) {
                    result.get(split).add(recording.get(i).withSplit(split));
                }
            }
        }
        return result;
    }

    /** The number after {@code _nohash_} (e.g. 12 in {@code laugh1_nohash_12.wav}), or -1 when there is none. */
    static long position(String fileName) {
        int at = fileName.indexOf("_nohash_");
        if (at < 0) {
            return -1;
        }
        String rest = fileName.substring(at + "_nohash_".length());
        int end = 0;
        while (end < rest.length() && Character.isDigit(rest.charAt(end)) && end < 18) {
            end++;
        }
        return end == 0 ? -1 : Long.parseLong(rest.substring(0, end));
    }
}
