package org.babble.core.frozen;

import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Reads a network's output size from its configuration, without running it. */
final class NetworkShapes {
    private NetworkShapes() {
    }

    /** Units of the (single) output layer, or -1 when the configuration does not say. */
    static long outputSize(Model network) {
        Layer last = null;
        if (network instanceof MultiLayerNetwork mln) {
            int n = mln.getLayerWiseConfigurations().getConfs().size();
            last = mln.getLayerWiseConfigurations().getConf(n - 1).getLayer();
        } else if (network instanceof ComputationGraph graph) {
            List<String> outputs = graph.getConfiguration().getNetworkOutputs();
            if (outputs.size() != 1) {
                throw new IllegalArgumentException("a classifier needs exactly one network output, this graph has "
                        + outputs);
            }
            GraphVertex vertex = graph.getConfiguration().getVertices().get(outputs.get(0));
            if (vertex instanceof LayerVertex layerVertex) {
                last = layerVertex.getLayerConf().getLayer();
            }
        }
        return last instanceof FeedForwardLayer ff ? ff.getNOut() : -1;
    }
}
