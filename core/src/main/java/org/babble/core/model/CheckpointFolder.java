package org.babble.core.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.babble.core.BabbleException;

/**
 * The checkpoints in a train dir: {@code ckpt-STEP.zip} every save interval, the latest few kept, plus {@code best.zip},
 * the one with the best validation accuracy so far.
 */
public final class CheckpointFolder {
    public static final String BEST = "best.zip";
    private static final Pattern NAME = Pattern.compile("ckpt-(\\d+)\\.zip");

    private final Path dir;
    private final int keep;

    public CheckpointFolder(Path dir, int keep) {
        this.dir = dir;
        this.keep = keep;
    }

    public Path pathFor(int step) {
        return dir.resolve("ckpt-" + step + ".zip");
    }

    /** Writes the step's checkpoint and deletes all but the latest {@code keep}. */
    public Path save(Checkpoint checkpoint) {
        Path file = pathFor(checkpoint.state().step());
        checkpoint.write(file);
        List<Path> all = steps();
        for (int i = 0; i < all.size() - keep; i++) {
            try {
                Files.deleteIfExists(all.get(i));
            } catch (IOException e) {
                throw new BabbleException(all.get(i), "cannot delete old checkpoint: " + e.getMessage(),
                        "check permissions on the train dir", e);
            }
        }
        return file;
    }

    public Path saveBest(Checkpoint checkpoint) {
        Path file = dir.resolve(BEST);
        checkpoint.write(file);
        return file;
    }

    /** Step checkpoints, oldest first. */
    public List<Path> steps() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = new ArrayList<>(files.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .toList());
            found.sort(Comparator.comparingLong(CheckpointFolder::stepOf));
            return found;
        } catch (IOException e) {
            throw new BabbleException(dir, "cannot list checkpoints: " + e.getMessage(), "check the train dir", e);
        }
    }

    public Optional<Path> latest() {
        List<Path> all = steps();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public Optional<Path> best() {
        Path file = dir.resolve(BEST);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * What {@code --start-checkpoint X} means: a file is itself; a train dir means its best checkpoint if
     * {@code preferBest}, else its latest.
     */
    public static Path resolve(Path fileOrDir, boolean preferBest) {
        if (Files.isRegularFile(fileOrDir)) {
            return fileOrDir;
        }
        if (Files.isDirectory(fileOrDir)) {
            CheckpointFolder folder = new CheckpointFolder(fileOrDir, Integer.MAX_VALUE);
            Optional<Path> found = preferBest ? folder.best().or(folder::latest) : folder.latest().or(folder::best);
            return found.orElseThrow(() -> new BabbleException(fileOrDir, "no checkpoint in this folder",
                    "pass a train dir that babble train wrote to, or a ckpt-N.zip"));
        }
        throw new BabbleException(fileOrDir, "no such checkpoint", "pass a ckpt-N.zip or the train dir");
    }

    private static long stepOf(Path p) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }
}
