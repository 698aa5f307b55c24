package org.babble.dataset.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What loading changed or skipped, counted so it can be reported once instead of once per clip.
 *
 * @param loaded      clips decoded
 * @param padded      clips shorter than the clip length, zero-padded at the end
 * @param cut         clips longer than the clip length, cut at the end
 * @param mixedDown   clips with more than one channel, averaged to mono
 * @param resampled   clips converted, by original sample rate
 * @param unreadable  {@code file: problem} for every clip that was skipped
 */
public record LoadReport(
        int loaded, int padded, int cut, int mixedDown, Map<Integer, Integer> resampled, List<String> unreadable) {

    public LoadReport {
        resampled = Map.copyOf(resampled);
        unreadable = List.copyOf(unreadable);
    }

    /** The notes a user should see once: padding, cutting, mixdown, resampling, skipped clips. */
    public List<String> notes(int sampleRate, int clipSamples) {
        List<String> notes = new ArrayList<>();
        if (padded > 0) {
            notes.add(padded + " of " + loaded + " clips shorter than " + clipSamples + " samples were zero-padded");
        }
        if (cut > 0) {
            notes.add(cut + " of " + loaded + " clips longer than " + clipSamples + " samples were cut");
        }
        if (mixedDown > 0) {
            notes.add(mixedDown + " clips with several channels were mixed down to mono");
        }
        resampled.forEach(
                (rate, n) -> notes.add(n + " clips at " + rate + " Hz were resampled to " + sampleRate + " Hz"));
        if (!unreadable.isEmpty()) {
            notes.add(unreadable.size() + " unreadable clips were skipped:");
            unreadable.forEach(line -> notes.add("  " + line));
        }
        return notes;
    }
}
