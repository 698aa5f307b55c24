package org.babble.dataset.index;

import java.nio.file.Path;
import org.babble.dataset.split.Split;

/**
 * One labelled clip of a split. Silence examples have no file: their audio is background noise (or zeros).
 *
 * @param file       the clip, or null for {@code _silence_}
 * @param labelIndex index into {@link DataIndex#labels()}
 * @param label      the class ({@code _unknown_} for clips of other folders)
 * @param folder     the folder the clip came from (the word itself for unknowns), {@code _silence_} for silence
 * @param split      the split it belongs to
 */
public record Example(Path file, int labelIndex, String label, String folder, Split split) {

    public boolean isSilence() {
        return file == null;
    }

    /** The same clip assigned to another split. */
    public Example withSplit(Split other) {
        return new Example(file, labelIndex, label, folder, other);
    }

    /** The speaker or recording: the file name before {@code _nohash_}; empty for silence. */
    public String source() {
        return file == null
                ? ""
                : org.babble.dataset.split.WhichSet.hashName(file.getFileName().toString());
    }
}
