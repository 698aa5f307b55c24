package org.babble.dataset.label;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A name in a folder that nothing has yet: the wanted name, or with {@code -2}, {@code -3} before the extension. The part
 * before {@code _nohash_} is left alone, so the split still keeps one recording together.
 */
public final class NoClobber {
    private NoClobber() {}

    public static Path free(Path dir, String fileName) {
        Path candidate = dir.resolve(fileName);
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        String ext = dot > 0 ? fileName.substring(dot) : "";
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = dir.resolve(stem + "-" + n + ext);
        }
        return candidate;
    }
}
