package org.babble.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavWriter;
import org.babble.core.features.FeatureLayout;
import org.babble.core.features.FeatureSettings;
import org.babble.core.frozen.FrozenModel;
import org.babble.core.frozen.FrozenModelReader;
import org.babble.core.frozen.FrozenModelWriter;
import org.babble.core.frozen.ModelMetadata;
import org.babble.core.frozen.Provenance;
import org.babble.core.inference.Classifier;
import org.babble.core.inference.WindowedScores;
import org.babble.core.model.Architecture;
import org.babble.core.model.ModelShape;
import org.babble.testing.Signals;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Inference speed of the default architecture (random weights: speed does not depend on training) on the talk's clip shape (10 s at 22050 Hz, MFCC 40):
 * warm per-clip latency and windows over one hour. Writes the model and a 10-s clip for the cold-start script.
 * Usage: ClassifyBench OUT_DIR [minutes of audio for the windowed run, default 60].
 */
public final class ClassifyBench {
    private ClassifyBench() {}

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        FeatureSettings tf = FeatureSettings.defaults(22050, 10_000);
        // babble train's defaults for a 10-s clip: a hop of clip/100 and a window of twice that (~100 frames).
        FeatureSettings features = new FeatureSettings(
                22050,
                10_000,
                200,
                100,
                40,
                FeatureSettings.Preprocess.MFCC,
                tf.lowerFrequencyHz(),
                tf.upperFrequencyHz(),
                tf.melChannels());
        List<String> labels = List.of("_silence_", "_unknown_", "crying", "laughing", "noise", "room_empty");
        MultiLayerNetwork net = new MultiLayerNetwork(Architecture.DEFAULT.configure(
                new ModelShape(features.frameCount(), features.binsPerFrame(), labels.size()), 1, 0.5, new Adam()));
        net.init();
        Path modelFile = out.resolve("model.babble");
        FrozenModelWriter.write(
                modelFile,
                net,
                new ModelMetadata(
                        labels,
                        features,
                        FeatureLayout.CHANNELS,
                        null,
                        Provenance.now("bench", 0, List.of(), null, null, "bench")));
        float[] tenSeconds = Signals.chirp(200, 3000, 0.3, 22050, 220_500);
        WavWriter.write(out.resolve("clip-10s.wav"), AudioClip.mono(22050, tenSeconds));
        System.out.printf(
                Locale.ROOT,
                "model: %s, %d parameters, input %dx%d%n",
                modelFile,
                net.numParams(),
                features.frameCount(),
                features.binsPerFrame());

        Classifier classifier = new Classifier(FrozenModelReader.read(modelFile));
        AudioClip clip = AudioClip.mono(22050, tenSeconds);
        for (int i = 0; i < 20; i++) {
            classifier.classify(clip);
        }
        int runs = 100;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            classifier.classify(clip);
        }
        double perClip = (System.nanoTime() - start) / 1e6 / runs;
        FrozenModel model = classifier.model();
        float[][][] batchOne = {new float[features.frameCount()][features.binsPerFrame()]};
        start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            model.scoresBatch(batchOne);
        }
        double networkOnly = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf(
                Locale.ROOT, "warm classify of a 10-s clip: %.2f ms (network alone %.2f ms)%n", perClip, networkOnly);

        float[] hour = Signals.noise(0.05, 3, minutes * 60 * 22050);
        start = System.nanoTime();
        WindowedScores windows = classifier.classifyWindows(AudioClip.mono(22050, hour), 5000, n -> {});
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "windows over %d min: %d windows of 10 s every 5 s in %.2f s = %.0fx real time%n",
                minutes,
                windows.windows().size(),
                seconds,
                minutes * 60 / seconds);
    }
}
