package org.babble.dataset.label;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.babble.core.BabbleException;
import org.babble.core.inference.Classifier;
import org.babble.core.inference.RankedLabel;
import org.babble.dataset.index.Labels;

/**
 * Pre-sorts a night's clips with a first model, so that a person only listens to the doubtful ones: a clip whose top
 * label scores at least the minimum goes to {@code OUT/<label>/}, every other clip to {@code OUT/_review/}. Clips are
 * copied (or moved after a verified copy) and never overwrite anything; a clip that cannot be read stays where it is and
 * is reported.
 *
 * <p>{@code _silence_} and {@code _unknown_} go to review even when confident: they are not folders a user trains on
 * (training makes them itself), and a clip the model calls silence is exactly one a person should glance at before it is
 * dropped. A long clip is scored over its windows ({@link ClipScorer}): a clip with a cry in a quiet minute goes to
 * review.
 */
public final class ModelSorter {
    /** The folder, inside OUT, for clips a person should decide. */
    public static final String REVIEW = "_review";

    private final ClipScorer scorer;
    private final ModelSortSettings settings;
    private final List<String> folderLabels;

    public ModelSorter(Classifier classifier, ModelSortSettings settings) {
        this.scorer = new ClipScorer(classifier);
        this.settings = settings;
        this.folderLabels =
                scorer.labels().stream().filter(ModelSorter::isFolderLabel).toList();
    }

    /** Whether a model label is a folder a user trains on (not {@code _silence_}, {@code _unknown_} or review). */
    public static boolean isFolderLabel(String label) {
        return !label.equals(Labels.SILENCE)
                && !label.equals(Labels.UNKNOWN)
                && !label.equals(REVIEW)
                && !label.equals(Labels.BACKGROUND_NOISE_DIR)
                && LabelNames.problemWith(label) == null;
    }

    /**
     * The clips under {@code dir} to sort. Anything inside OUT is skipped, unless {@code dir} itself lies inside OUT
     * (re-sorting {@code OUT/_review/} with a better model), where every clip in it is taken.
     */
    public List<Path> clipsIn(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        Path out = settings.out().toAbsolutePath().normalize();
        boolean inside = root.startsWith(out) && !root.equals(out);
        return ClipFiles.list(dir, inside ? null : settings.out());
    }

    /** Sorts every clip; {@code done} hears of each clip after it is handled, sorted or not. */
    public ModelSortResult sortAll(List<Path> clips, Consumer<Path> done) {
        List<SortedClip> sorted = new ArrayList<>();
        List<SortFailure> failures = new ArrayList<>();
        for (Path clip : clips) {
            try {
                sorted.add(sort(clip));
            } catch (BabbleException e) {
                failures.add(new SortFailure(clip, e.getMessage()));
            }
            done.accept(clip);
        }
        return new ModelSortResult(folderLabels, sorted, failures);
    }

    /** Classifies one clip and places it; throws {@link BabbleException} (nothing placed) when it cannot be read. */
    public SortedClip sort(Path clip) {
        ClipScorer.Scored scored = scorer.score(clip);
        RankedLabel top = scored.top();
        SortedClip.ReviewReason review = !isFolderLabel(top.label())
                ? SortedClip.ReviewReason.NOT_A_LABEL
                : top.score() < settings.minScore() ? SortedClip.ReviewReason.BELOW_MIN_SCORE : null;
        Path destination = place(clip, review == null ? top.label() : REVIEW);
        return new SortedClip(
                clip,
                destination,
                top.label(),
                top.score(),
                review,
                scored.windows(),
                scored.notes(),
                scored.warnings());
    }

    /** Copies or moves {@code clip} into OUT/{@code folder}; a clip already in that folder stays as it is. */
    private Path place(Path clip, String folder) {
        Path dir = settings.out().resolve(folder);
        Path source = clip.toAbsolutePath().normalize();
        if (source.getParent().equals(dir.toAbsolutePath().normalize())) {
            return clip;
        }
        return settings.move() ? VerifiedTransfer.move(clip, dir) : VerifiedTransfer.copy(clip, dir);
    }
}
