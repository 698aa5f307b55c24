package org.babble.core.train;

import java.nio.file.Path;
import org.babble.core.evaluate.Confusion;
import org.babble.core.model.ModelSummary;

/**
 * What a training run reports as it goes, so the command line can print TF's lines off a terminal and a progress bar on
 * one. Every method has an empty default.
 */
public interface TrainingObserver {
    /** Before the first step (or the first step after a resume). */
    default void started(ModelSummary summary, int firstStep, int totalSteps) {}

    default void step(StepResult result) {}

    default void validated(int step, Confusion confusion) {}

    default void checkpointed(int step, Path file) {}

    default void tested(Confusion confusion) {}

    /** A training step's figures as TF prints them. */
    record StepResult(int step, int totalSteps, double learningRate, double accuracy, double crossEntropy) {}
}
