package org.babble.dataset.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.babble.core.BabbleException;
import org.babble.dataset.augment.Mix;
import org.babble.dataset.augment.MixSettings;
import org.babble.dataset.index.Example;

/**
 * Chooses, for a training clip, which other training clip to mix under it ({@link MixSettings}): one from a background
 * folder other than the clip's own, so a background clip never hears its own kind under it and keeps a clear label.
 */
final class MixPartners {
    /** A background clip (a position in the training split) and how to mix it; position -1 mixes nothing. */
    record Partner(int position, Mix mix) {
        static final Partner NONE = new Partner(-1, null);
    }

    private final MixSettings settings;
    private final List<Example> examples;
    /** Filled once in the constructor, read by many threads. */
    private final Map<String, int[]> candidatesByFolder = new HashMap<>();

    MixPartners(MixSettings settings, List<Example> training) {
        this.settings = settings;
        this.examples = training;
        if (settings.isOff()) {
            return;
        }
        boolean any = false;
        for (Example e : training) {
            any |= !e.isSilence() && settings.labels().contains(e.folder());
            candidatesByFolder.computeIfAbsent(e.folder(), this::candidatesFor);
        }
        if (!any) {
            throw new BabbleException(
                    "no training clips in " + String.join(", ", settings.labels()) + " to mix under other clips",
                    "name folders of the data dir that hold clips, e.g. room_empty");
        }
    }

    /**
     * The partner of the clip at {@code position}: with the settings' probability, a background clip drawn uniformly,
     * an SNR uniform in the range, and a start uniform in {@code length} (samples or frames).
     */
    Partner draw(int position, int length, SplittableRandom random) {
        Example clip = examples.get(position);
        if (settings.isOff() || clip.isSilence() || random.nextDouble() >= settings.probability()) {
            return Partner.NONE;
        }
        int[] candidates = candidatesByFolder.get(clip.folder());
        if (candidates.length == 0) {
            return Partner.NONE;
        }
        int partner = candidates[random.nextInt(candidates.length)];
        double snr = settings.minSnrDb() + random.nextDouble() * (settings.maxSnrDb() - settings.minSnrDb());
        return new Partner(partner, new Mix(random.nextInt(Math.max(1, length)), snr));
    }

    private int[] candidatesFor(String folder) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            if (!e.isSilence()
                    && settings.labels().contains(e.folder())
                    && !e.folder().equals(folder)) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
