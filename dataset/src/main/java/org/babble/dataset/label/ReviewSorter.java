package org.babble.dataset.label;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.babble.core.BabbleException;
import org.babble.dataset.split.WhichSet;

/**
 * Closes the false-alarm loop: the clips {@code monitor --keep-audio} kept ({@code DIR/<label>/<episode>_nohash_<i>.wav})
 * go, by a person's verdicts, to {@code OUT/<label>/} when the detection was right and to the hard-negative folder when
 * it was wrong, where the next {@code train} learns them as not-the-target. Copies unless told to move; never
 * overwrites; a clip without a verdict stays where it is.
 */
public final class ReviewSorter {
    /** What happened: clips per destination folder, clips left without a verdict, verdicts that named nothing. */
    public record Result(Map<String, Integer> sorted, int undecided, List<Verdict> unmatched) {}

    private ReviewSorter() {}

    /**
     * Sorts every kept clip that has a verdict into {@code out}: under its label when right, {@code wrongFolder} when
     * wrong.
     *
     * @param reviewDir   the kept audio, one folder per detected label
     * @param verdicts    the person's verdicts
     * @param out         the data folder (one folder per label)
     * @param wrongFolder where wrong detections go: {@code _hard_negative_} or a label the user names
     * @param move        move (verified) instead of copy
     */
    public static Result sort(Path reviewDir, List<Verdict> verdicts, Path out, String wrongFolder, boolean move) {
        String problem = LabelNames.problemWith(wrongFolder);
        if (problem != null) {
            throw new IllegalArgumentException("the folder for wrong detections " + problem);
        }
        List<Path> clips = clips(reviewDir);
        Map<Path, Boolean> decided = new LinkedHashMap<>();
        List<Verdict> unmatched = new ArrayList<>();
        for (Verdict v : verdicts) {
            List<Path> named =
                    clips.stream().filter(c -> names(reviewDir, c, v.target())).toList();
            if (named.isEmpty()) {
                unmatched.add(v);
            }
            named.forEach(c -> decided.put(c, v.right()));
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        for (Map.Entry<Path, Boolean> e : decided.entrySet()) {
            Path clip = e.getKey();
            String folder = e.getValue() ? clip.getParent().getFileName().toString() : wrongFolder;
            Path dir = out.resolve(folder);
            if (move) {
                VerifiedTransfer.move(clip, dir);
            } else {
                VerifiedTransfer.copy(clip, dir);
            }
            sorted.merge(folder, 1, Integer::sum);
        }
        return new Result(sorted, clips.size() - decided.size(), unmatched);
    }

    /** Whether {@code target} names {@code clip}: its path under the folder, its file name, or its episode. */
    private static boolean names(Path reviewDir, Path clip, String target) {
        String relative = reviewDir.relativize(clip).toString().replace('\\', '/');
        String name = clip.getFileName().toString();
        if (relative.equals(target.replace('\\', '/'))
                || name.equals(target)
                || (name.contains("_nohash_") && WhichSet.hashName(name).equals(target))) {
            return true;
        }
        try {
            return clip.toAbsolutePath()
                    .normalize()
                    .equals(Path.of(target).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static List<Path> clips(Path reviewDir) {
        if (!Files.isDirectory(reviewDir)) {
            throw new BabbleException(reviewDir, "not a folder", "give --review the folder monitor --keep-audio wrote");
        }
        try (Stream<Path> tree = Files.walk(reviewDir, 2)) {
            return tree.filter(p -> Files.isRegularFile(p)
                            && p.getParent() != null
                            && !p.getParent().equals(reviewDir)
                            && p.getFileName()
                                    .toString()
                                    .toLowerCase(Locale.ROOT)
                                    .endsWith(".wav"))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new BabbleException(reviewDir, "cannot list: " + e.getMessage(), "check the folder's permissions");
        }
    }
}
