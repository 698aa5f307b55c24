package org.babble.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.babble.core.BabbleException;

/** Folders babble makes for its own work and removes after it: the fold models of evaluate, the demo's work folder. */
final class TemporaryFolder {
    private TemporaryFolder() {}

    /** A new empty folder under the system's temporary directory. */
    static Path create(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new BabbleException(
                    Path.of(System.getProperty("java.io.tmpdir")),
                    "cannot make a working folder: " + e.getMessage(),
                    "free some space or set TMPDIR to a writable folder");
        }
    }

    /** Deletes {@code dir} and all in it; a missing folder is already gone. */
    static void delete(Path dir) {
        clear(dir);
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes everything in {@code dir}, keeping the folder. */
    static void clear(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
