package org.babble.core.frozen;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.babble.core.BabbleException;
import org.babble.core.features.FeatureSettings;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A loaded, checked model: turns feature matrices into one score per label, in {@link ModelMetadata#labels()} order.
 * Features are laid out for the network as {@link ModelMetadata#featureLayout()} says. Calls are serialised, since neither a
 * DL4J network nor the plain-Java forward pass is safe for concurrent inference.
 */
public final class FrozenModel {
    /**
     * What turns clips' features into scores: the plain-Java forward pass, or DL4J ({@link Dl4jScorer}, the only
     * implementation that needs ND4J, so that a model the forward pass covers never loads it).
     */
    interface Scorer {
        /** Scores of {@code clips} clips laid out as {@link #scoresFlat} takes them; never called with none. */
        float[][] scores(float[] features, int clips);
    }

    private final Scorer scorer;
    private final ModelMetadata metadata;
    private final int frames;
    private final int bins;

    private FrozenModel(Scorer scorer, ModelMetadata metadata) {
        this.scorer = scorer;
        this.metadata = metadata;
        FeatureSettings settings = metadata.featureSettings();
        this.frames = settings.frameCount();
        this.bins = settings.binsPerFrame();
    }

    /** The plain-Java forward pass over {@code weights}, for a model whose features come as channels. */
    static Scorer plain(TcResnetWeights weights, ModelMetadata metadata) {
        FeatureSettings settings = metadata.featureSettings();
        return new PlainScorer(weights, settings.frameCount(), settings.frameCount() * settings.binsPerFrame());
    }

    /** Wraps a scorer and checks, by running it once on silence, that it takes these features and gives these labels. */
    static FrozenModel checked(Path file, Scorer scorer, ModelMetadata metadata) {
        FrozenModel model = new FrozenModel(scorer, metadata);
        int labels = metadata.labels().size();
        float[][] out;
        try {
            out = model.scoresBatch(new float[][][] {new float[model.frames][model.bins]});
        } catch (RuntimeException e) {
            throw new BabbleException(
                    file,
                    "the network does not accept " + model.frames + "x" + model.bins + " " + metadata.featureLayout()
                            + " features as its metadata says (" + e.getMessage() + ")",
                    "the model file is inconsistent; freeze it again",
                    e);
        }
        if (out[0].length != labels) {
            throw new BabbleException(
                    file,
                    "the network has " + out[0].length + " outputs but the model lists " + labels + " labels "
                            + metadata.labels(),
                    "the model file is inconsistent; freeze it again");
        }
        return model;
    }

    /** For models built in memory (tests, the trainer's evaluation): same checks as a loaded file. */
    public static FrozenModel of(MultiLayerNetwork network, ModelMetadata metadata) {
        return checked(null, Dl4jScorer.of(network, metadata), metadata);
    }

    /**
     * The network's plain weights when the plain-Java forward pass runs it (the default architectures), for writers of
     * other formats; empty when DL4J runs it.
     */
    public Optional<TcResnetWeights> plainNetwork() {
        return scorer instanceof PlainScorer plain ? Optional.of(plain.weights()) : Optional.empty();
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    public List<String> labels() {
        return metadata.labels();
    }

    /** Scores of one clip's features {@code [frames][bins]}. */
    public float[] scores(float[][] features) {
        return scoresBatch(new float[][][] {features})[0];
    }

    /** Scores of several clips at once (faster than one by one): {@code [clip][label]}. */
    public float[][] scoresBatch(float[][][] features) {
        int perClip = frames * bins;
        float[] flat = new float[features.length * perClip];
        for (int c = 0; c < features.length; c++) {
            float[][] clip = features[c];
            if (clip.length != frames) {
                throw new IllegalArgumentException(
                        "clip " + c + " has " + clip.length + " feature frames, the model needs " + frames);
            }
            for (int f = 0; f < frames; f++) {
                if (clip[f].length != bins) {
                    throw new IllegalArgumentException(
                            "clip " + c + " frame " + f + " has " + clip[f].length + " bins, the model needs " + bins);
                }
                System.arraycopy(clip[f], 0, flat, c * perClip + f * bins, bins);
            }
        }
        return scoresFlat(flat, features.length);
    }

    /**
     * Scores of {@code clips} clips whose features lie row-major, frames first, one after another in {@code features}
     * (as {@code FeatureExtractor.extract(samples, destination, offset)} writes them): the allocation-light batch path.
     */
    public synchronized float[][] scoresFlat(float[] features, int clips) {
        int perClip = frames * bins;
        if (features.length < (long) clips * perClip) {
            throw new IllegalArgumentException(
                    clips + " clips need " + (long) clips * perClip + " feature values, got " + features.length);
        }
        if (clips == 0) {
            return new float[0][];
        }
        return scorer.scores(features, clips);
    }
}
