package org.babble.dataset.label;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.babble.core.prep.Note;

/**
 * What a model-assisted sort did: every clip placed (in input order), every clip that could not be, and summaries by
 * folder so the user sees at a glance how much is left to review.
 *
 * @param folderLabels the model's labels that are training folders, in the model's order
 */
public record ModelSortResult(List<String> folderLabels, List<SortedClip> sorted, List<SortFailure> failures) {
    public ModelSortResult {
        folderLabels = List.copyOf(folderLabels);
        sorted = List.copyOf(sorted);
        failures = List.copyOf(failures);
    }

    /** Clips and mean score per label folder, every folder label of the model included (0 clips when none). */
    public List<LabelSummary> labels() {
        List<LabelSummary> rows = new ArrayList<>();
        for (String label : folderLabels) {
            rows.add(summarise(
                    label,
                    sorted.stream()
                            .filter(c -> !c.toReview() && c.predicted().equals(label))
                            .toList()));
        }
        return rows;
    }

    /** The {@code _review/} row: clips there and the mean of their top scores. */
    public LabelSummary review() {
        return summarise(
                ModelSorter.REVIEW, sorted.stream().filter(SortedClip::toReview).toList());
    }

    /** Clips sent to review because their top score was below the minimum. */
    public int belowMinScore() {
        return (int) sorted.stream()
                .filter(c -> c.review() == SortedClip.ReviewReason.BELOW_MIN_SCORE)
                .count();
    }

    /** Clips sent to review because their (confident) top label is no training folder, by that label. */
    public Map<String, Integer> notALabel() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SortedClip c : sorted) {
            if (c.review() == SortedClip.ReviewReason.NOT_A_LABEL) {
                counts.merge(c.predicted(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Clips longer than 1.5 model clips, scored as the mean over windows. */
    public int windowed() {
        return (int) sorted.stream().filter(c -> c.windows() > 1).count();
    }

    /** How many clips got each kind of note (resampled, mixed down, padded, cut). */
    public Map<Note.Kind, Integer> notes() {
        Map<Note.Kind, Integer> counts = new EnumMap<>(Note.Kind.class);
        for (SortedClip c : sorted) {
            c.notes().stream().map(Note::kind).distinct().forEach(kind -> counts.merge(kind, 1, Integer::sum));
        }
        return counts;
    }

    private static LabelSummary summarise(String label, List<SortedClip> clips) {
        double mean = clips.stream().mapToDouble(SortedClip::score).average().orElse(Double.NaN);
        return new LabelSummary(label, clips.size(), mean);
    }
}
