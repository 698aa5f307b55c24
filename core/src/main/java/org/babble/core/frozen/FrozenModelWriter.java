package org.babble.core.frozen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.babble.core.io.AtomicFiles;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Writes {@code model.babble}: metadata and an inference-only copy of the network (no optimiser state) in one file,
 * renamed into place only when complete.
 */
public final class FrozenModelWriter {
    private FrozenModelWriter() {
    }

    /**
     * Writes {@code network} (a {@link MultiLayerNetwork} or {@link ComputationGraph}) with its metadata to
     * {@code target}. The network's output size must match the label count.
     */
    public static void write(Path target, Model network, ModelMetadata metadata) {
        FrozenModelFormat.NetworkKind kind = kindOf(network);
        long outputs = NetworkShapes.outputSize(network);
        if (outputs != metadata.labels().size()) {
            throw new IllegalArgumentException("network has " + outputs + " outputs but there are "
                    + metadata.labels().size() + " labels " + metadata.labels());
        }
        writeEntries(target, kind, metadata, serialise(network));
    }

    /**
     * Writes {@code source}'s network, byte for byte, with new metadata to {@code target} (which may be {@code source}:
     * the file is replaced only when complete). Calibration changes what a model says about itself, never its weights.
     */
    public static void rewriteMetadata(Path source, Path target, ModelMetadata metadata) {
        Map<String, byte[]> entries = BoundedZip.readFile(source, ZipLimits.DEFAULT);
        FrozenModelFormat.Document document = FrozenModelReader.document(source, entries);
        writeEntries(target, document.network(), metadata,
                FrozenModelReader.require(source, entries, FrozenModelFormat.NETWORK));
    }

    private static void writeEntries(Path target, FrozenModelFormat.NetworkKind kind, ModelMetadata metadata,
            byte[] networkBytes) {
        byte[] json;
        try {
            json = FrozenModelFormat.json().writeValueAsBytes(
                    new FrozenModelFormat.Document(FrozenModelFormat.VERSION, kind, metadata));
        } catch (IOException e) {
            throw new IllegalStateException("model metadata cannot be written as JSON", e);
        }
        AtomicFiles.write(target, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(FrozenModelFormat.METADATA));
            zip.write(json);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(FrozenModelFormat.NETWORK));
            zip.write(networkBytes);
            zip.closeEntry();
            zip.finish();
        });
    }

    static FrozenModelFormat.NetworkKind kindOf(Model network) {
        if (network instanceof MultiLayerNetwork) {
            return FrozenModelFormat.NetworkKind.MULTI_LAYER_NETWORK;
        }
        if (network instanceof ComputationGraph) {
            return FrozenModelFormat.NetworkKind.COMPUTATION_GRAPH;
        }
        throw new IllegalArgumentException("cannot freeze a " + network.getClass().getName()
                + "; only MultiLayerNetwork and ComputationGraph");
    }

    private static byte[] serialise(Model network) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ModelSerializer.writeModel(network, bytes, false);
        } catch (IOException e) {
            throw new IllegalStateException("DL4J could not serialise the network to memory", e);
        }
        return bytes.toByteArray();
    }
}
