package org.babble.core.model.frozen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.babble.core.BabbleException;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Loads {@code model.babble} and checks everything it reads before trusting it: zip structure and checksums, entry
 * paths, inflated sizes, the format version, the metadata, the network's configuration and weights, and that the
 * network's input and output fit the feature settings and labels. Any failure is one {@link BabbleException} line.
 */
public final class FrozenModelReader {
    private static final String DAMAGED = "the model file is damaged or was not written by babble; freeze it again";

    private FrozenModelReader() {
    }

    public static FrozenModel read(Path file) {
        return read(file, ZipLimits.DEFAULT);
    }

    public static FrozenModel read(Path file, ZipLimits limits) {
        Map<String, byte[]> entries = BoundedZip.readFile(file, limits);
        FrozenModelFormat.Document document = document(file, entries);
        Map<String, byte[]> network = BoundedZip.readBytes(file, "entry '" + FrozenModelFormat.NETWORK + "'",
                require(file, entries, FrozenModelFormat.NETWORK), limits);
        Model model = network(file, document.network(), network);
        return FrozenModel.checked(file, model, document.metadata());
    }

    /** The metadata document of a model file whose zip entries are {@code entries}. */
    static FrozenModelFormat.Document document(Path file, Map<String, byte[]> entries) {
        return metadata(file, require(file, entries, FrozenModelFormat.METADATA));
    }

    static byte[] require(Path file, Map<String, byte[]> entries, String name) {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new BabbleException(file, "missing entry '" + name + "' (found " + entries.keySet() + ")", DAMAGED);
        }
        return bytes;
    }

    private static FrozenModelFormat.Document metadata(Path file, byte[] bytes) {
        if (bytes.length > FrozenModelFormat.MAX_METADATA_BYTES) {
            throw new BabbleException(file, "metadata entry is " + bytes.length + " bytes, more than a model's metadata"
                    + " can be", DAMAGED);
        }
        ObjectMapper json = FrozenModelFormat.json();
        try {
            JsonNode tree = json.readTree(bytes);
            JsonNode version = tree == null ? null : tree.get("formatVersion");
            if (version == null || !version.canConvertToInt()) {
                throw new BabbleException(file, "metadata has no format version", DAMAGED);
            }
            if (version.asInt() != FrozenModelFormat.VERSION) {
                throw new BabbleException(file, "unknown model format version " + version.asInt() + " (this babble reads"
                        + " version " + FrozenModelFormat.VERSION + ")", version.asInt() > FrozenModelFormat.VERSION
                        ? "upgrade babble, or freeze the model with this version" : "freeze the model again");
            }
            FrozenModelFormat.Document document = json.treeToValue(tree, FrozenModelFormat.Document.class);
            if (document.network() == null || document.metadata() == null) {
                throw new BabbleException(file, "metadata lacks the network kind or the model description", DAMAGED);
            }
            return document;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new BabbleException(file, "metadata is not valid: " + firstLine(e), DAMAGED, e);
        } catch (IOException e) {
            throw new BabbleException(file, "metadata is unreadable: " + firstLine(e), DAMAGED, e);
        }
    }

    private static Model network(Path file, FrozenModelFormat.NetworkKind kind, Map<String, byte[]> entries) {
        String where = "in '" + FrozenModelFormat.NETWORK + "'";
        byte[] configuration = entries.get(FrozenModelFormat.CONFIGURATION);
        byte[] coefficients = entries.get(FrozenModelFormat.COEFFICIENTS);
        if (configuration == null || coefficients == null) {
            throw new BabbleException(file, "network " + where + " lacks " + FrozenModelFormat.CONFIGURATION + " or "
                    + FrozenModelFormat.COEFFICIENTS + " (found " + entries.keySet() + ")", DAMAGED);
        }
        String config = new String(configuration, StandardCharsets.UTF_8);
        INDArray params;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(coefficients))) {
            params = Nd4j.read(in);
        } catch (IOException | RuntimeException e) {
            throw new BabbleException(file, "network weights " + where + " are unreadable: " + firstLine(e), DAMAGED, e);
        }
        try {
            if (kind == FrozenModelFormat.NetworkKind.MULTI_LAYER_NETWORK) {
                MultiLayerNetwork net = new MultiLayerNetwork(MultiLayerConfiguration.fromJson(config));
                net.init(params, false);
                return net;
            }
            ComputationGraph graph = new ComputationGraph(ComputationGraphConfiguration.fromJson(config));
            graph.init(params, false);
            return graph;
        } catch (RuntimeException e) {
            throw new BabbleException(file, "network " + where + " does not fit together (configuration or weights): "
                    + firstLine(e), DAMAGED, e);
        }
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
