package org.babble.dataset.label;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.babble.core.BabbleException;

/** The WAV clips to label in a folder: all {@code .wav} files below it, sorted, skipping hidden files and the output. */
public final class ClipFiles {
    private ClipFiles() {}

    public static List<Path> list(Path dir, Path exclude) {
        if (!Files.isDirectory(dir)) {
            throw new BabbleException(dir, "not a folder", "give the folder of clips to label");
        }
        Path root = dir.toAbsolutePath().normalize();
        Path skip = exclude == null ? null : exclude.toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p ->
                            p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> skip == null || !p.startsWith(skip))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new BabbleException(dir, "cannot list clips: " + e.getMessage(), "check permissions", e);
        }
    }
}
