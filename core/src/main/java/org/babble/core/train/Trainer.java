package org.babble.core.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.babble.core.BabbleException;
import org.babble.core.evaluate.Confusion;
import org.babble.core.evaluate.Scores;
import org.babble.core.features.FeatureSettings;
import org.babble.core.model.ModelShape;
import org.babble.core.model.ModelSummary;
import org.babble.core.model.NetworkCost;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * Runs TF speech_commands' training loop on a DL4J network: a fresh batch every step, Adam with one learning rate per
 * phase, validation every eval interval (keeping the best checkpoint), checkpoints every save interval, and the test
 * split at the end.
 *
 * <p>Runs are repeatable: the network is initialised from the seed, and before every step the ND4J random generator
 * (dropout) is reseeded from the seed and the step number, while the {@link TrainingData} derives each batch from the
 * step. A run resumed from a checkpoint therefore continues exactly like the uninterrupted run.
 */
public final class Trainer {
    private final RunConfiguration run;
    private final TrainSettings settings;
    private final FeatureSettings features;
    private final List<String> labels;
    private final TrainingData source;
    private final CheckpointFolder checkpoints;
    private final Path trainDir;
    private final List<TrainingObserver> observers = new ArrayList<>();
    private volatile boolean stopRequested;

    /** A trainer of {@code run}, whose augmentation {@code source} applies; the configuration goes into checkpoints. */
    public Trainer(RunConfiguration run, List<String> labels, TrainingData source, Path trainDir) {
        this.run = run;
        this.settings = run.training();
        this.features = run.features();
        this.labels = List.copyOf(labels);
        this.source = source;
        this.trainDir = trainDir;
        this.checkpoints = new CheckpointFolder(trainDir, settings.keepCheckpoints());
        if (labels.size() < 2) {
            throw new IllegalArgumentException("invalid labels (at least 2): " + labels);
        }
    }

    public Trainer observe(TrainingObserver observer) {
        observers.add(observer);
        return this;
    }

    /** The network's input shape for these features and labels. */
    public ModelShape shape() {
        return new ModelShape(features.frameCount(), features.binsPerFrame(), labels.size());
    }

    /** A fresh network for the settings, seeded. */
    public MultiLayerNetwork newNetwork() {
        MultiLayerNetwork net = new MultiLayerNetwork(settings.architecture()
                .configure(shape(), settings.seed(), settings.dropoutRate(), new Adam(schedule(settings))));
        net.init();
        return net;
    }

    /** Adam's learning rate by iteration (DL4J counts iterations from 0; step N is iteration N-1). */
    static ISchedule schedule(TrainSettings settings) {
        MapSchedule.Builder map = new MapSchedule.Builder(ScheduleType.ITERATION);
        int start = 0;
        for (int phase = 0; phase < settings.learningRates().size(); phase++) {
            map.add(start, settings.learningRates().get(phase));
            start += settings.howManyTrainingSteps().get(phase);
        }
        return map.build();
    }

    /** Asks a running {@link #train} to write a checkpoint after the current step and return. Thread-safe. */
    public void requestStop() {
        stopRequested = true;
    }

    /** Trains from scratch. */
    public TrainingResult train() {
        return run(newNetwork(), null);
    }

    /** Continues the run a checkpoint was taken from, which must be this trainer's run (its steps aside). */
    public TrainingResult resume(Checkpoint start) {
        CheckpointState state = start.state();
        if (!state.labels().equals(labels)) {
            throw new BabbleException(
                    "checkpoint labels " + state.labels() + " differ from this run's " + labels,
                    "train with the same wanted words, or start without --start-checkpoint");
        }
        // the steps may differ: a resumed run may extend its last phase
        if (!state.configuration()
                .withSteps(settings.howManyTrainingSteps(), settings.learningRates())
                .equals(run)) {
            throw new BabbleException(
                    "checkpoint run configuration differs from this run's",
                    "resume with the checkpoint's own configuration (babble train --start-checkpoint reads it)");
        }
        return run(start.network(), state);
    }

    private TrainingResult run(MultiLayerNetwork net, CheckpointState resumed) {
        Nd4jThreads.use(Nd4jThreads.forNetwork(settings.architecture().multiplyAddsPerClip(shape())));
        try (TrainingLog log =
                resumed == null ? TrainingLog.fresh(trainDir) : TrainingLog.resumedAt(trainDir, resumed.step())) {
            return loop(net, resumed, log);
        }
    }

    private TrainingResult loop(MultiLayerNetwork net, CheckpointState resumed, TrainingLog log) {
        LabelFiles.write(trainDir, settings.architecture(), labels);
        int total = settings.totalSteps();
        int first = resumed == null ? 1 : resumed.step() + 1;
        double best = resumed == null ? -1 : resumed.bestValidationAccuracy();
        int bestStep = resumed == null ? 0 : resumed.bestStep();
        ModelSummary summary = new ModelSummary(
                settings.architecture(),
                shape(),
                net.numParams(),
                NetworkCost.multiplyAddsPerClip(
                        net.getLayerWiseConfigurations(),
                        settings.architecture().inputType(shape())));
        observers.forEach(o -> o.started(summary, first, total));
        BatchAccuracy batchAccuracy = new BatchAccuracy();
        net.setListeners(batchAccuracy);
        Path last = null;
        int step = first - 1;
        while (step < total) {
            if (stopRequested) {
                last = save(net, step, best, bestStep);
                return new TrainingResult(step, true, null, best, bestStep, last);
            }
            step++;
            DataSet batch = source.trainingBatch(step, settings.batchSize());
            Nd4j.getRandom().setSeed(settings.seed() * 1_000_003L + step);
            batchAccuracy.expect(batch.getLabels());
            net.fit(batch);
            double accuracy = batchAccuracy.accuracy();
            if (Double.isNaN(accuracy)) {
                accuracy = BatchAccuracy.fraction(net.output(batch.getFeatures(), false), batch.getLabels());
            }
            TrainingObserver.StepResult result =
                    new TrainingObserver.StepResult(step, total, settings.learningRateAt(step), accuracy, net.score());
            log.step(result);
            observers.forEach(o -> o.step(result));
            if (step % settings.evalStepInterval() == 0 || step == total) {
                Confusion validation = evaluate(net, source.validation());
                log.evaluation("validation", step, validation);
                int s = step;
                observers.forEach(o -> o.validated(s, validation));
                if (validation.accuracy() > best) {
                    best = validation.accuracy();
                    bestStep = step;
                    checkpoints.saveBest(new Checkpoint(net, state(step, best, bestStep)));
                }
            }
            if (step % settings.saveStepInterval() == 0 || step == total) {
                last = save(net, step, best, bestStep);
            }
        }
        Confusion test = evaluate(bestOrLast(net), source.testing());
        log.evaluation("test", total, test);
        observers.forEach(o -> o.tested(test));
        TrainingPlots.curves(trainDir);
        TrainingPlots.confusion(test, "Test confusion", trainDir.resolve("confusion.png"));
        return new TrainingResult(total, false, test, best, bestStep, last);
    }

    /** TF tests the final weights; babble tests the weights that did best on validation, which is what it ships. */
    private MultiLayerNetwork bestOrLast(MultiLayerNetwork net) {
        return checkpoints.best().map(p -> Checkpoint.read(p).network()).orElse(net);
    }

    private Path save(MultiLayerNetwork net, int step, double best, int bestStep) {
        Path file = checkpoints.save(new Checkpoint(net, state(step, best, bestStep)));
        observers.forEach(o -> o.checkpointed(step, file));
        return file;
    }

    private CheckpointState state(int step, double best, int bestStep) {
        return new CheckpointState(step, settings.phaseOf(Math.max(step, 1)), labels, run, best, bestStep);
    }

    /** Confusion of {@code net} over every batch of {@code data}, dropout off. */
    public Confusion evaluate(MultiLayerNetwork net, DataSetIterator data) {
        return Scores.of(net, data, labels).confusion();
    }
}
