package org.babble.core.train;

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
    /** TF's {@code <architecture>.ckpt-N} and the files its saver writes for it (a step of up to 9 digits). */
    private static final Pattern TF_STYLE =
            Pattern.compile("(?:.+\\.)?ckpt-(\\d{1,9})(?:\\.zip|\\.index|\\.meta|\\.data-\\d+-of-\\d+)?");

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
            delete(all.get(i));
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
            List<Path> found = new ArrayList<>(
                    files.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                            .toList());
            found.sort(Comparator.comparingLong(CheckpointFolder::stepOf));
            return found;
        } catch (IOException e) {
            throw new BabbleException(dir, "cannot list checkpoints: " + e.getMessage(), "check the train dir", e);
        }
    }

    /** True when this folder holds a run's checkpoints (a step checkpoint or {@code best.zip}). */
    public boolean holdsCheckpoints() {
        return !steps().isEmpty() || best().isPresent();
    }

    /** Deletes every checkpoint in the folder, so a new run's never mix with an old run's. */
    public void clear() {
        List<Path> all = new ArrayList<>(steps());
        best().ifPresent(all::add);
        all.forEach(CheckpointFolder::delete);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new BabbleException(
                    file, "cannot delete old checkpoint: " + e.getMessage(), "check permissions on the train dir", e);
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
     * What {@code --start-checkpoint X} means, for freeze, evaluate and train alike: a file is itself; a train dir
     * means its best checkpoint if {@code preferBest}, else its latest; a TF-style name of a step,
     * {@code DIR/conv.ckpt-450} (with or without TF's {@code .index}, {@code .meta} or {@code .data-*} suffix, any
     * architecture prefix, or none), means babble's {@code DIR/ckpt-450.zip}, so the tutorial's paths paste unchanged.
     */
    public static Path resolve(Path fileOrDir, boolean preferBest) {
        if (Files.isRegularFile(fileOrDir)) {
            return fileOrDir;
        }
        if (Files.isDirectory(fileOrDir)) {
            CheckpointFolder folder = new CheckpointFolder(fileOrDir, Integer.MAX_VALUE);
            Optional<Path> found = preferBest
                    ? folder.best().or(folder::latest)
                    : folder.latest().or(folder::best);
            return found.orElseThrow(() -> new BabbleException(
                    fileOrDir,
                    "no checkpoint in this folder",
                    "pass a train dir that babble train wrote to, or a ckpt-N.zip"));
        }
        Matcher tfStyle = fileOrDir.getFileName() == null
                ? null
                : TF_STYLE.matcher(fileOrDir.getFileName().toString());
        if (tfStyle != null && tfStyle.matches()) {
            Path dir = fileOrDir.getParent() == null ? Path.of(".") : fileOrDir.getParent();
            return new CheckpointFolder(dir, Integer.MAX_VALUE).step(fileOrDir, Integer.parseInt(tfStyle.group(1)));
        }
        throw new BabbleException(fileOrDir, "no such checkpoint", "pass a ckpt-N.zip or the train dir");
    }

    /** The checkpoint of {@code step}, or a message listing the steps this folder does hold. */
    private Path step(Path asked, int step) {
        Path file = pathFor(step);
        if (Files.isRegularFile(file)) {
            return file;
        }
        List<String> held = new ArrayList<>(
                steps().stream().map(p -> Long.toString(stepOf(p))).toList());
        best().ifPresent(p -> held.add(BEST));
        if (held.isEmpty()) {
            throw new BabbleException(
                    asked,
                    "no checkpoint of step " + step + ": " + dir + " holds no checkpoints",
                    "train first (babble train --train_dir=" + dir + "), or pass the folder training wrote to");
        }
        throw new BabbleException(
                asked,
                "no checkpoint of step " + step + " in " + dir + "; it holds steps " + String.join(", ", held),
                "pass one of those steps (training keeps only the latest few), or the" + " folder " + dir
                        + " for its best checkpoint");
    }

    private static long stepOf(Path p) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }
}
