package org.babble.dataset.index;

import java.util.ArrayList;
import java.util.List;

/** The label names TF speech_commands reserves, and its label order. */
public final class Labels {
    public static final String SILENCE = "_silence_";
    public static final String UNKNOWN = "_unknown_";
    public static final int SILENCE_INDEX = 0;
    public static final int UNKNOWN_INDEX = 1;
    /** The folder of long noise recordings mixed into training clips and cut into silence examples. */
    public static final String BACKGROUND_NOISE_DIR = "_background_noise_";
    /**
     * The folder of clips a model wrongly detected (its false alarms, marked by {@code label --review}): every one is
     * trained as {@code _unknown_}, whatever {@code --unknown_percentage} says.
     */
    public static final String HARD_NEGATIVE_DIR = "_hard_negative_";
    /**
     * Each hard negative is in the training split this many times (validation and testing hold it once): a false alarm
     * the user marked is worth more than an unknown clip drawn at random, and twice keeps it from crowding out the rest.
     */
    public static final int HARD_NEGATIVE_WEIGHT = 2;

    private Labels() {}

    /** {@code _silence_, _unknown_, wanted...}: the order TF writes to {@code conv_labels.txt}. */
    public static List<String> of(List<String> wantedWords) {
        List<String> labels = new ArrayList<>();
        labels.add(SILENCE);
        labels.add(UNKNOWN);
        labels.addAll(wantedWords);
        return List.copyOf(labels);
    }

    /** The labels of {@code labels} that name sounds, in order: all but TF's reserved ones (those start with _). */
    public static List<String> wanted(List<String> labels) {
        return labels.stream().filter(label -> !label.startsWith("_")).toList();
    }
}
