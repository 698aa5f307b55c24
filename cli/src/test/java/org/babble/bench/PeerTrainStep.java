package org.babble.bench;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.babble.core.model.Architecture;
import org.babble.core.model.BatchLayout;
import org.babble.core.model.ModelShape;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * babble's side of {@code bench/peer/train-step.sh}: one training step (forward, backward, Adam update) at batch 100 on
 * the speech shape (98 frames × 40 MFCCs, 6 labels) of the default {@code tc_resnet} and of TF's {@code conv}, each
 * built as {@code babble train} builds it (seeded, dropout 0.5, Adam at 1e-3), on random features and random labels:
 * the time of a step does not depend on what it learns. The networks take turns, round after round, so that other load
 * slows both alike; the first round warms up (JIT, workspaces) and does not count. Prints, per network, the best
 * round's mean step time and the forward multiply-adds per clip, then ND4J's 2048² float matrix multiply (the machine's
 * reference rate). Usage: PeerTrainStep [rounds, default 1].
 */
public final class PeerTrainStep {
    static final int BATCH = 100;
    static final ModelShape SHAPE = new ModelShape(98, 40, 6);
    /**
     * Steps per round: {@code conv} costs about sixty times the default's multiply-adds a clip, and a step of it takes
     * DL4J about 20 s on one core.
     */
    static final List<Work> WORK = List.of(new Work(Architecture.TC_RESNET, 10), new Work(Architecture.CONV, 1));

    private PeerTrainStep() {}

    record Work(Architecture architecture, int steps) {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int threads = Runtime.getRuntime().availableProcessors();
        Random random = new Random(7);
        Nd4j.getRandom().setSeed(7);
        MultiLayerNetwork[] nets = new MultiLayerNetwork[WORK.size()];
        INDArray[] inputs = new INDArray[WORK.size()];
        INDArray[] labels = new INDArray[WORK.size()];
        for (int i = 0; i < WORK.size(); i++) {
            Architecture a = WORK.get(i).architecture();
            nets[i] = new MultiLayerNetwork(a.configure(SHAPE, 1, 0.5, new Adam(1e-3)));
            nets[i].init();
            inputs[i] = Nd4j.randn(DataType.FLOAT, BatchLayout.shape(a.layout(), BATCH, SHAPE.frames(), SHAPE.bins()));
            labels[i] = Nd4j.zeros(DataType.FLOAT, BATCH, SHAPE.numLabels());
            for (int c = 0; c < BATCH; c++) {
                labels[i].putScalar(c, random.nextInt(SHAPE.numLabels()), 1);
            }
        }
        double[] best = new double[WORK.size()];
        java.util.Arrays.fill(best, Double.MAX_VALUE);
        for (int r = 0; r < rounds + 1; r++) { // round 0 warms up and is not counted
            for (int i = 0; i < WORK.size(); i++) {
                int steps = WORK.get(i).steps();
                long start = System.nanoTime();
                for (int s = 0; s < steps; s++) {
                    nets[i].fit(inputs[i], labels[i]);
                }
                double ms = (System.nanoTime() - start) / 1e6 / steps;
                if (r > 0) {
                    best[i] = Math.min(best[i], ms);
                }
            }
        }
        for (int i = 0; i < WORK.size(); i++) {
            Architecture a = WORK.get(i).architecture();
            System.out.printf(
                    Locale.ROOT,
                    "babble %s step_ms %.2f threads %d macs %d%n",
                    a.flagName(),
                    best[i],
                    threads,
                    a.multiplyAddsPerClip(SHAPE));
        }
        TrainSpeed.matmulGflops(); // warm-up
        System.out.printf(Locale.ROOT, "sgemm nd4j %.1f threads %d%n", TrainSpeed.matmulGflops(), threads);
    }
}
