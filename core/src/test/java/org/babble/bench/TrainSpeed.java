package org.babble.bench;

import java.util.ArrayList;
import java.util.List;
import org.babble.core.features.FeatureLayout;
import org.babble.core.model.Architecture;
import org.babble.core.model.BatchLayout;
import org.babble.core.model.ModelShape;
import org.babble.core.model.NetworkCost;
import org.babble.core.model.TcResnetDesign;
import org.babble.core.model.TcResnetDesign.Stage;
import org.babble.core.model.layers.StockNormTemporalConv;
import org.babble.core.model.layers.StockTemporalConv;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Train-step time of candidate networks on random batches, and the achieved FLOP/s of each against a plain ND4J matrix
 * multiply timed in the same run; the candidates take turns (see {@link TakingTurns}). Run with
 * {@code bench/train-speed [frames...]}; other load on the machine shifts absolute numbers, so compare within one run,
 * and on a busy machine set {@code OMP_NUM_THREADS=1}, or ND4J's threads spend much of the time waiting on each other.
 */
public final class TrainSpeed {
    private static final int BATCH = 100;
    private static final int BINS = 40;
    private static final int LABELS = 6;

    public static void main(String[] args) {
        int[] frameCounts = args.length == 0
                ? new int[] {98, 249, 498}
                : java.util.Arrays.stream(args)
                        .filter(a -> a.matches("\\d+"))
                        .mapToInt(Integer::parseInt)
                        .toArray();
        boolean all = java.util.Arrays.asList(args).contains("all");
        matmulGflops(); // the first multiplies of a JVM run slower (thread pool start, page faults): warm up
        double matmul = matmulGflops();
        System.out.printf(
                "plain ND4J matmul: %.1f GFLOP/s (threads %s)%n",
                matmul, System.getenv().getOrDefault("OMP_NUM_THREADS", "default"));
        for (int frames : frameCounts) {
            ModelShape shape = new ModelShape(frames, BINS, LABELS);
            List<Candidate> candidates = candidates(all);
            List<MultiLayerNetwork> nets = new ArrayList<>();
            List<Runnable> steps = new ArrayList<>();
            for (Candidate c : candidates) {
                MultiLayerNetwork net = new MultiLayerNetwork(c.design().configure(shape, 1, 0.5, new Adam(1e-3)));
                net.init();
                INDArray x = random(c.layout(), shape);
                INDArray y = Nd4j.zeros(DataType.FLOAT, BATCH, LABELS);
                for (int i = 0; i < BATCH; i++) {
                    y.putScalar(i, i % LABELS, 1);
                }
                nets.add(net);
                steps.add(() -> net.fit(x, y));
            }
            double[] best = TakingTurns.best(steps);
            // a plain multiply timed once can read low (the CPU's clock still rising, a background burst): the
            // percentages use the best of the readings before and after, so they are never flattered
            matmul = Math.max(matmul, matmulGflops());
            for (int i = 0; i < candidates.size(); i++) {
                Candidate c = candidates.get(i);
                MultiLayerNetwork net = nets.get(i);
                long macs = NetworkCost.multiplyAddsPerClip(
                        net.getLayerWiseConfigurations(), BatchLayout.inputType(c.layout(), shape));
                double gflops = 3.0 * 2 * macs * BATCH / best[i] / 1e9;
                System.out.printf(
                        "T=%3d %-34s params %7d  MACs/clip %6.2fM  step %.3f s  %5.0f clips/s  %5.1f GFLOP/s"
                                + " (%.0f%% of matmul)%n",
                        frames,
                        c.name(),
                        net.numParams(),
                        macs / 1e6,
                        best[i],
                        BATCH / best[i],
                        gflops,
                        100 * gflops / matmul);
            }
        }
        System.out.printf("plain ND4J matmul, best reading (the percentages' base): %.1f GFLOP/s%n", matmul);
    }

    private record Candidate(String name, org.babble.core.model.NetworkDesign design, FeatureLayout layout) {}

    private static List<Candidate> candidates(boolean all) {
        List<Candidate> list = new ArrayList<>();
        list.add(new Candidate("tc_resnet (default)", tc(TcResnetDesign.DEFAULT_STAGES), FeatureLayout.CHANNELS));
        list.add(new Candidate(
                "tc_resnet, DL4J BatchNormalization",
                new StockNormTemporalConv(TcResnetDesign.DEFAULT_STAGES),
                FeatureLayout.CHANNELS));
        list.add(new Candidate(
                "tc_resnet, DL4J layers only",
                new StockTemporalConv(TcResnetDesign.DEFAULT_STAGES),
                FeatureLayout.CHANNELS));
        for (String spec : System.getProperty(
                        "candidates",
                        "5s4x96,9s2x96,9s2x128;5s4x128,9s2x128,9s2x128;"
                                + "5s4x192,9s2x192;5s2x256,9s4x256;9s4x256,9s2x256")
                .split(";")) {
            list.add(new Candidate("tc " + spec, tc(parse(spec)), FeatureLayout.CHANNELS));
        }
        if (all) {
            for (Architecture a : Architecture.values()) {
                list.add(new Candidate(a.flagName(), new Wrapped(a), a.layout()));
            }
        }
        return list;
    }

    /** "KsSxC,..." as kernel, stride, channels per stage. */
    private static List<Stage> parse(String spec) {
        List<Stage> stages = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] ks = part.split("[sx]");
            stages.add(new Stage(Integer.parseInt(ks[0]), Integer.parseInt(ks[1]), Integer.parseInt(ks[2])));
        }
        return stages;
    }

    private static TcResnetDesign tc(List<Stage> stages) {
        return new TcResnetDesign(stages);
    }

    private record Wrapped(Architecture a) implements org.babble.core.model.NetworkDesign {
        @Override
        public FeatureLayout layout() {
            return a.layout();
        }

        @Override
        public MultiLayerConfiguration configure(
                ModelShape shape, long seed, double dropoutRate, org.nd4j.linalg.learning.config.IUpdater optimizer) {
            return a.configure(shape, seed, dropoutRate, optimizer);
        }
    }

    private static INDArray random(FeatureLayout layout, ModelShape shape) {
        Nd4j.getRandom().setSeed(7);
        return switch (layout) {
            case IMAGE -> Nd4j.randn(DataType.FLOAT, BATCH, 1, shape.frames(), shape.bins());
            case CHANNELS -> Nd4j.randn(DataType.FLOAT, BATCH, shape.bins(), shape.frames(), 1);
            case FLAT -> Nd4j.randn(DataType.FLOAT, BATCH, (long) shape.frames() * shape.bins());
        };
    }

    /**
     * Best of several 2048×2048 by 2048×2048 float multiplies: the machine's reference rate. At 1024² ND4J reached
     * half to a quarter of what OpenBLAS's sgemm reaches at 2048² on the same cores, which made every "% of matmul"
     * look better than it was.
     */
    static double matmulGflops() {
        int n = 2048;
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, n, n);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 8; i++) {
            long t0 = System.nanoTime();
            a.mmuli(b, c);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return 2.0 * n * n * n / best / 1e9;
    }
}
