package org.babble.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.babble.core.frozen.FrozenModel;
import org.babble.core.frozen.FrozenModelReader;
import org.babble.core.train.TrainedModel;
import org.babble.core.train.TrainingCheckpoints;

/**
 * The model a streaming evaluation scores with, from either kind of file a user has: a frozen {@code model.babble}
 * (read as classify and monitor read it), or a training checkpoint ({@code ckpt-N.zip}, {@code best.zip}) or train dir
 * (read as freeze reads it). Both become the same {@link FrozenModel}, so a checkpoint is scored exactly as its frozen
 * file would be. A folder or a {@code .zip} name is a checkpoint; any other file is a model file.
 */
final class ScoringModel {
    private ScoringModel() {}

    static FrozenModel load(Path path) {
        if (isCheckpoint(path)) {
            TrainedModel checkpoint = TrainingCheckpoints.read(path);
            return FrozenModel.of(checkpoint.network(), checkpoint.metadata());
        }
        return FrozenModelReader.read(path);
    }

    static boolean isCheckpoint(Path path) {
        return Files.isDirectory(path)
                || path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }
}
