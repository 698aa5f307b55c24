package org.babble.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.babble.core.BabbleException;

/**
 * Turns command-line inputs into WAV files: a file is itself, a folder is every {@code .wav} below it, and a pattern
 * the shell left unexpanded ({@code 'crying/**}{@code /*.wav'}) is matched here. Sorted, so runs are repeatable.
 */
public final class InputFiles {

    /** The files found, and each input that named nothing (with why). */
    public record Expansion(List<Path> files, List<String> problems) {}

    private InputFiles() {}

    public static Expansion expand(List<String> inputs) {
        List<Path> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String input : inputs) {
            try {
                expandOne(input, files, problems);
            } catch (UncheckedIOException | java.nio.file.InvalidPathException e) {
                problems.add(input + ": cannot be listed (" + e.getMessage() + ") — check the path and permissions");
            }
        }
        return new Expansion(dedupe(files), problems);
    }

    private static void expandOne(String input, List<Path> files, List<String> problems) {
        Path path = Path.of(input);
        if (Files.isDirectory(path)) {
            List<Path> found = walk(path, InputFiles::isWav);
            if (found.isEmpty()) {
                problems.add(input + ": folder holds no .wav files — check the path");
            }
            files.addAll(found);
        } else if (Files.exists(path)) {
            files.add(path);
        } else if (input.matches(".*[*?\\[{].*")) {
            List<Path> found = glob(input);
            if (found.isEmpty()) {
                problems.add(input + ": pattern matches no files — check it, or let the shell expand it");
            }
            files.addAll(found);
        } else {
            problems.add(input + ": no such file — check the path");
        }
    }

    /**
     * The {@code .wav} files directly in {@code folder}, sorted: what label_wav_dir.py's {@code glob(wav_dir +
     * '/*.wav')} reads, so {@code --wav_dir} means what it meant there.
     */
    public static List<Path> wavsIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new BabbleException(
                    folder,
                    Files.exists(folder) ? "not a folder" : "no such folder",
                    "give --wav_dir a folder of WAV files (or name the files themselves)");
        }
        try (Stream<Path> stream = Files.list(folder)) {
            List<Path> found = stream.filter(InputFiles::isWav).sorted().toList();
            if (found.isEmpty()) {
                throw new BabbleException(
                        folder,
                        "folder holds no .wav files (subfolders are not read, as in" + " label_wav_dir.py)",
                        "check the path, or name the files or a pattern instead");
            }
            return found;
        } catch (IOException e) {
            throw new BabbleException(folder, "cannot list the folder: " + e.getMessage(), "check its permissions", e);
        }
    }

    private static List<Path> dedupe(List<Path> files) {
        List<Path> out = new ArrayList<>();
        TreeSet<Path> seen = new TreeSet<>();
        for (Path file : files) {
            if (seen.add(file.toAbsolutePath().normalize())) {
                out.add(file);
            }
        }
        return out;
    }

    private static boolean isWav(Path p) {
        return Files.isRegularFile(p)
                && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav");
    }

    private static List<Path> glob(String pattern) {
        String[] parts = pattern.split("/", -1);
        StringBuilder base = new StringBuilder();
        for (int i = 0; i < parts.length - 1 && !parts[i].matches(".*[*?\\[{].*"); i++) {
            base.append(parts[i]).append('/');
        }
        Path root = base.length() == 0 ? Path.of(".") : Path.of(base.toString());
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        boolean relativeToDot = base.length() == 0;
        return walk(root, p -> Files.isRegularFile(p) && matcher.matches(relativeToDot ? root.relativize(p) : p));
    }

    private static List<Path> walk(Path root, java.util.function.Predicate<Path> keep) {
        try (Stream<Path> stream = Files.walk(root)) {
            return stream.filter(keep).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
