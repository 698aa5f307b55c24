package org.babble.core.train;

import java.nio.file.Path;
import org.babble.core.frozen.ModelMetadata;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * What {@code babble freeze} needs from a training checkpoint: the trained network and everything that describes it.
 *
 * @param path     the checkpoint file actually read (after choosing one in a training folder)
 * @param network  the trained network
 * @param metadata labels, feature settings and layout, training settings, provenance
 */
public record TrainedModel(Path path, MultiLayerNetwork network, ModelMetadata metadata) {}
