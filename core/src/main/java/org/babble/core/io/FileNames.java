package org.babble.core.io;

import java.nio.file.Path;

/** The one reading of a file name's stem, so outputs named after an input ({@code night.wav} → {@code night.csv}) agree. */
public final class FileNames {
    private FileNames() {}

    /** {@code name} without its last extension; a name whose only dot leads it ({@code .babble}) is all stem. */
    public static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The stem of {@code file}'s name. */
    public static String stem(Path file) {
        return stem(file.getFileName().toString());
    }
}
