package org.babble.core.train;

import java.nio.file.Path;
import java.util.ServiceLoader;
import org.babble.core.BabbleException;

/**
 * Reads training checkpoints for {@code babble freeze}. The checkpoint format belongs to the trainer, which provides the
 * implementation as a {@link ServiceLoader} service ({@code META-INF/services/org.babble.core.train.CheckpointReader}),
 * so freezing does not depend on how training stores its state.
 */
public interface CheckpointReader {

    /**
     * Reads {@code fileOrTrainDir}: a checkpoint file, or a training folder, in which case the best checkpoint (highest
     * validation accuracy) or, lacking that, the last one. Failures are {@link BabbleException}s naming the file.
     */
    TrainedModel read(Path fileOrTrainDir);

    /** The reader this build provides. */
    static CheckpointReader installed() {
        return ServiceLoader.load(CheckpointReader.class).findFirst().orElseThrow(() -> new BabbleException(
                "this build of babble has no training-checkpoint reader",
                "build babble with its training module (org.babble.core.model), which provides one"));
    }
}
