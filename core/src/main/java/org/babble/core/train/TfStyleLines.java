package org.babble.core.train;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.babble.core.evaluate.Confusion;
import org.babble.core.model.ModelSummary;

/** Prints a run the way TF's {@code train.py} logs it, so users of the tutorial recognise every line. */
public final class TfStyleLines implements TrainingObserver {
    private final PrintWriter out;
    private final PrintWriter results;
    private final boolean everyStep;

    /**
     * @param out       where progress lines go (stderr for the command line)
     * @param results   where the final test result goes (stdout for the command line)
     * @param everyStep false when a progress bar shows the steps instead
     */
    public TfStyleLines(PrintWriter out, PrintWriter results, boolean everyStep) {
        this.out = out;
        this.results = results;
        this.everyStep = everyStep;
    }

    @Override
    public void started(ModelSummary summary, int firstStep, int totalSteps) {
        out.println(summary.describe());
        if (firstStep > 1) {
            out.printf(Locale.ROOT, "Resuming at step %d of %d%n", firstStep, totalSteps);
        }
    }

    @Override
    public void step(StepResult r) {
        if (everyStep) {
            out.println(stepLine(r));
            out.flush();
        }
    }

    public static String stepLine(StepResult r) {
        return String.format(
                Locale.ROOT,
                "Step #%d: rate %f, accuracy %.1f%%, cross entropy %f",
                r.step(),
                r.learningRate(),
                100 * r.accuracy(),
                r.crossEntropy());
    }

    @Override
    public void validated(int step, Confusion confusion) {
        out.println("Confusion Matrix:\n " + confusion.format());
        out.printf(
                Locale.ROOT,
                "Step %d: Validation accuracy = %.1f%% (N=%d)%n",
                step,
                100 * confusion.accuracy(),
                confusion.total());
        out.flush();
    }

    @Override
    public void checkpointed(int step, Path file) {
        out.printf(Locale.ROOT, "Saving to \"%s\"%n", file);
    }

    @Override
    public void tested(Confusion confusion) {
        results.println("Confusion Matrix:\n " + confusion.format());
        results.printf(
                Locale.ROOT, "Final test accuracy = %.1f%% (N=%d)%n", 100 * confusion.accuracy(), confusion.total());
        results.flush();
    }
}
