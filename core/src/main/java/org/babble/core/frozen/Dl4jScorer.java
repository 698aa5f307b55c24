package org.babble.core.frozen;

import org.babble.core.features.FeatureLayout;
import org.babble.core.model.BatchLayout;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Scores clips with DL4J, for a network the plain-Java forward pass does not cover. The only class of a loaded model
 * that touches ND4J: a runtime without natives never loads it for the default networks.
 */
final class Dl4jScorer implements FrozenModel.Scorer {
    private final MultiLayerNetwork network;
    private final FeatureLayout layout;
    private final int frames;
    private final int bins;

    Dl4jScorer(MultiLayerNetwork network, FeatureLayout layout, int frames, int bins) {
        this.network = network;
        this.layout = layout;
        this.frames = frames;
        this.bins = bins;
    }

    /** The plain-Java forward pass when it computes {@code network} exactly, otherwise DL4J. */
    static FrozenModel.Scorer of(MultiLayerNetwork network, ModelMetadata metadata) {
        int frames = metadata.featureSettings().frameCount();
        int bins = metadata.featureSettings().binsPerFrame();
        if (metadata.featureLayout() == FeatureLayout.CHANNELS) {
            var weights = TcResnetImport.from(network, bins);
            if (weights.isPresent()) {
                return FrozenModel.plain(weights.get(), metadata);
            }
        }
        return new Dl4jScorer(network, metadata.featureLayout(), frames, bins);
    }

    /** Reads the network of {@code archive} into DL4J (the full build only). */
    static FrozenModel.Scorer read(NetworkArchive archive, ModelMetadata metadata) {
        return of(archive.multiLayerNetwork(false), metadata);
    }

    @Override
    public float[][] scores(float[] features, int clips) {
        return network.output(BatchLayout.arrange(features, clips, frames, bins, layout), false)
                .toFloatMatrix();
    }
}
