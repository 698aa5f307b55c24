package org.babble.dataset.crosssource;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.babble.dataset.crosssource.CrossSourceResult.MistakenRecording;

/**
 * The one line per class that tells the user what to record next. More recordings of a class (other days, rooms,
 * babies, microphones) are what make a detector hold up on the next night; more clips cut from the same recording are
 * not, so every rule here counts recordings.
 */
final class RecordingAdvice {
    /** Below this many recordings a class's unseen-recording figure rests on too few to trust. */
    static final int FEW_SOURCES = 5;
    /** Below this recall on unseen recordings the class needs more variety, however many recordings it has. */
    static final double LOW_RECALL = 0.9;

    private RecordingAdvice() {}

    /** The advice for a class with these clips per source; {@code unseenRecall} null when it was not tested unseen. */
    static String line(String label, Map<String, Integer> clipsBySource, Double unseenRecall) {
        int sources = clipsBySource.size();
        int clips = clipsBySource.values().stream().mapToInt(Integer::intValue).sum();
        if (sources == 1) {
            return label + ": one recording only — record " + label + " on another day";
        }
        int largest = Collections.max(clipsBySource.values());
        String recall = String.format(Locale.ROOT, "%.2f", unseenRecall);
        if (sources < FEW_SOURCES) {
            return label + ": only " + sources + " recordings — record " + label + " on a few more days (recall "
                    + recall + " on unseen ones rests on " + sources + ")";
        }
        if (unseenRecall < LOW_RECALL) {
            return label + ": recall " + recall + " on unseen recordings — record more " + label
                    + " on other days, in other rooms";
        }
        if (largest * 2 > clips) {
            return label + ": " + largest + " of its " + clips + " clips come from one recording — record " + label
                    + " on other days";
        }
        return String.format(
                Locale.ROOT, "%s: %d recordings, recall %s on unseen ones — enough for now", label, sources, recall);
    }

    /** Recordings named in a false-alarm line: a parent records a few sounds, not a list. */
    static final int NAMED_RECORDINGS = 3;

    /**
     * The line for a label that unseen recordings of other classes were called ({@code mistaken}, most mistaken
     * first): the sounds it will fire on next, and where more of them belong.
     */
    static String falseAlarms(String calledAs, List<MistakenRecording> mistaken) {
        List<MistakenRecording> named = mistaken.subList(0, Math.min(NAMED_RECORDINGS, mistaken.size()));
        String which = named.stream()
                .map(m -> m.label() + " " + m.source() + " (" + m.share() + ")")
                .collect(Collectors.joining(", "));
        List<String> homes =
                named.stream().map(MistakenRecording::label).distinct().toList();
        return calledAs + ": " + mistaken.size() + (mistaken.size() == 1 ? " unseen recording" : " unseen recordings")
                + " of other classes called " + calledAs + ", most often " + which
                + " — record more sounds like them, as "
                + String.join(" or ", homes);
    }
}
