package org.babble.core.train;

import java.nio.file.Path;
import org.babble.core.evaluate.Confusion;

/**
 * How a run ended.
 *
 * @param lastStep               last completed step
 * @param interrupted            stopped on request before the last step (a checkpoint was written)
 * @param test                   test-split confusion, null when interrupted
 * @param bestValidationAccuracy best validation accuracy (-1 if never validated)
 * @param bestStep               step of the best validation
 * @param lastCheckpoint         the last checkpoint written, null if none
 */
public record TrainingResult(
        int lastStep,
        boolean interrupted,
        Confusion test,
        double bestValidationAccuracy,
        int bestStep,
        Path lastCheckpoint) {}
