package org.babble.core.frozen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.babble.core.BabbleException;
import org.babble.core.FullBuild;
import org.babble.core.features.FeatureLayout;

/**
 * Loads {@code model.babble} and checks everything it reads before trusting it: zip structure and checksums, entry
 * paths, inflated sizes, the format version, the metadata, the network's configuration and weights, and that the
 * network's input and output fit the feature settings and labels. Any failure is one {@link BabbleException} line.
 */
public final class FrozenModelReader {
    private static final String DAMAGED = "the model file is damaged or was not written by babble; freeze it again";

    private FrozenModelReader() {}

    public static FrozenModel read(Path file) {
        return read(file, ZipLimits.DEFAULT);
    }

    public static FrozenModel read(Path file, ZipLimits limits) {
        Map<String, byte[]> entries = BoundedZip.readFile(file, limits);
        FrozenModelFormat.Document document = document(file, entries);
        NetworkArchive network = new NetworkArchive(
                file,
                "in '" + FrozenModelFormat.NETWORK + "'",
                BoundedZip.readBytes(
                        file,
                        "entry '" + FrozenModelFormat.NETWORK + "'",
                        require(file, entries, FrozenModelFormat.NETWORK),
                        limits));
        ModelMetadata metadata = document.metadata();
        Optional<TcResnetWeights> weights = metadata.featureLayout() == FeatureLayout.CHANNELS
                ? network.tcResnetWeights(metadata.featureSettings().binsPerFrame())
                : Optional.empty();
        if (weights.isPresent()) {
            return FrozenModel.checked(file, FrozenModel.plain(weights.get(), metadata), metadata);
        }
        FullBuild.require(file, "this network (" + network.layerTypes() + ")");
        return FrozenModel.checked(file, Dl4jScorer.read(network, metadata), metadata);
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
            throw new BabbleException(
                    file,
                    "metadata entry is " + bytes.length + " bytes, more than a model's metadata" + " can be",
                    DAMAGED);
        }
        ObjectMapper json = FrozenModelFormat.json();
        try {
            JsonNode tree = json.readTree(bytes);
            JsonNode version = tree == null ? null : tree.get("formatVersion");
            if (version == null || !version.canConvertToInt()) {
                throw new BabbleException(file, "metadata has no format version", DAMAGED);
            }
            if (version.asInt() != FrozenModelFormat.VERSION) {
                throw new BabbleException(
                        file,
                        "unknown model format version " + version.asInt() + " (this babble reads" + " version "
                                + FrozenModelFormat.VERSION + ")",
                        version.asInt() > FrozenModelFormat.VERSION
                                ? "upgrade babble, or freeze the model with this version"
                                : "freeze the model again");
            }
            FrozenModelFormat.Document document = json.treeToValue(tree, FrozenModelFormat.Document.class);
            if (document.network() == null || document.metadata() == null) {
                throw new BabbleException(file, "metadata lacks the network kind or the model description", DAMAGED);
            }
            if (!FrozenModelFormat.LAYER_NETWORK.equals(document.network())) {
                throw new BabbleException(
                        file,
                        "the network is a " + document.network() + "; this babble reads only" + " layer networks ("
                                + FrozenModelFormat.LAYER_NETWORK + "), the only kind babble trains",
                        "freeze a checkpoint that babble train wrote");
            }
            return document;
        } catch (ValueInstantiationException e) {
            // a record's own check refused a value: its message says which, without Jackson's wrapping
            Throwable why = e.getCause() != null ? e.getCause() : e;
            throw new BabbleException(file, "metadata is not valid: " + NetworkArchive.firstLine(why), DAMAGED, e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new BabbleException(file, "metadata is not valid: " + NetworkArchive.firstLine(e), DAMAGED, e);
        } catch (IOException e) {
            throw new BabbleException(file, "metadata is unreadable: " + NetworkArchive.firstLine(e), DAMAGED, e);
        }
    }
}
