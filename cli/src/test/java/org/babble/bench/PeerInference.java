package org.babble.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.babble.core.features.FeatureLayout;
import org.babble.core.features.FeatureSettings;
import org.babble.core.frozen.FrozenModel;
import org.babble.core.frozen.FrozenModelReader;
import org.babble.core.frozen.FrozenModelWriter;
import org.babble.core.frozen.ModelMetadata;
import org.babble.core.frozen.Provenance;
import org.babble.core.frozen.TcResnetWeights;
import org.babble.core.model.Architecture;
import org.babble.core.model.ModelShape;
import org.babble.core.onnx.OnnxExport;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.Adam;

/**
 * babble's side of {@code bench/peer/inference.sh}: the default network on the speech shape (98 frames × 40 MFCCs,
 * 1-s clips at 16 kHz), random weights (speed does not depend on training) with batch norms moved off identity. The
 * first run writes the model, its ONNX export (which the PyTorch side rebuilds layer by layer), 100 clips of random
 * features and babble's scores for them; every run then prints the best of its rounds of the plain-Java forward pass
 * at batch 1 and batch 100, the network's multiply-adds per clip, and ND4J's 2048² float matrix multiply (the machine's
 * reference rate). Usage: PeerInference DIR [rounds].
 */
public final class PeerInference {
    static final int BATCH = 100;

    private PeerInference() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Files.createDirectories(dir);
        Path modelFile = dir.resolve("model.babble");
        FeatureSettings features = FeatureSettings.defaults(16000, 1000);
        int perClip = features.frameCount() * features.binsPerFrame();
        if (!Files.exists(modelFile)) {
            write(dir, modelFile, features);
        }
        FrozenModel model = FrozenModelReader.read(modelFile);
        float[] batch = Float32Files.read(dir.resolve("features.f32"));
        float[] one = java.util.Arrays.copyOf(batch, perClip);
        double best1 = Double.MAX_VALUE;
        double best100 = Double.MAX_VALUE;
        for (int r = 0; r < rounds + 1; r++) { // the first round warms the JIT up and is not counted
            long start = System.nanoTime();
            int singles = 2000;
            for (int i = 0; i < singles; i++) {
                model.scoresFlat(one, 1);
            }
            double ms1 = (System.nanoTime() - start) / 1e6 / singles;
            start = System.nanoTime();
            int batches = 20;
            for (int i = 0; i < batches; i++) {
                model.scoresFlat(batch, BATCH);
            }
            double ms100 = (System.nanoTime() - start) / 1e6 / batches;
            if (r > 0) {
                best1 = Math.min(best1, ms1);
                best100 = Math.min(best100, ms100);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "babble batch1_ms %.4f batch100_ms %.3f threads %d macs %d%n",
                best1,
                best100,
                Runtime.getRuntime().availableProcessors(),
                multiplyAdds(model.plainNetwork().orElseThrow(), features.frameCount()));
        TrainSpeed.matmulGflops(); // warm-up
        System.out.printf(
                Locale.ROOT,
                "sgemm nd4j %.1f threads %d%n",
                TrainSpeed.matmulGflops(),
                Runtime.getRuntime().availableProcessors());
    }

    /** Multiply-adds of one clip through the network (convolutions and the dense layer), for achieved GFLOP/s. */
    static long multiplyAdds(TcResnetWeights network, int frames) {
        long total = 0;
        int length = frames;
        for (TcResnetWeights.Stage stage : network.stages()) {
            length = stage.outFrames(length);
            total += (long) length * stage.kernel() * stage.in() * stage.out();
        }
        return total + (long) network.pooledChannels() * network.labels();
    }

    private static void write(Path dir, Path modelFile, FeatureSettings features) throws IOException {
        List<String> labels = List.of("_silence_", "_unknown_", "bed", "cat", "happy");
        ModelShape shape = new ModelShape(features.frameCount(), features.binsPerFrame(), labels.size());
        MultiLayerNetwork network = new MultiLayerNetwork(Architecture.DEFAULT.configure(shape, 1, 0.5, new Adam()));
        network.init();
        // batch norm at init is an identity; give it statistics so the folded weights are not a special case
        Random random = new Random(1);
        for (var entry : network.paramTable().entrySet()) {
            if (entry.getKey().endsWith("log10stdev") || entry.getKey().endsWith("_mean")) {
                var values = entry.getValue();
                for (long i = 0; i < values.length(); i++) {
                    values.putScalar(i, values.getDouble(i) + 0.2 * random.nextGaussian());
                }
            }
        }
        FrozenModelWriter.write(
                modelFile,
                network,
                new ModelMetadata(
                        labels,
                        features,
                        FeatureLayout.CHANNELS,
                        null,
                        Provenance.now("bench", 0, List.of(), null, null, "bench")));
        FrozenModel model = FrozenModelReader.read(modelFile);
        OnnxExport.write(modelFile, model, dir.resolve("model.onnx"));
        int perClip = features.frameCount() * features.binsPerFrame();
        float[] batch = new float[BATCH * perClip];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = (float) random.nextGaussian();
        }
        Float32Files.write(dir.resolve("features.f32"), batch);
        float[][] scores = model.scoresFlat(batch, BATCH);
        float[] flat = new float[BATCH * labels.size()];
        for (int c = 0; c < BATCH; c++) {
            System.arraycopy(scores[c], 0, flat, c * labels.size(), labels.size());
        }
        Float32Files.write(dir.resolve("scores.f32"), flat);
        Files.writeString(
                dir.resolve("shape.txt"),
                BATCH + " " + features.frameCount() + " " + features.binsPerFrame() + " " + labels.size() + " "
                        + network.numParams() + "\n");
    }
}
