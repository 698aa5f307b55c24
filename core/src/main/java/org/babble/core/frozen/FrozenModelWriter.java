package org.babble.core.frozen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.babble.core.io.AtomicFiles;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Writes {@code model.babble}: metadata and an inference-only copy of the network (no optimiser state) in one file,
 * renamed into place only when complete.
 */
public final class FrozenModelWriter {
    private FrozenModelWriter() {}

    /** Writes {@code network} with its metadata to {@code target}; its output size must match the label count. */
    public static void write(Path target, MultiLayerNetwork network, ModelMetadata metadata) {
        long outputs = outputSize(network);
        if (outputs != metadata.labels().size()) {
            throw new IllegalArgumentException("network has " + outputs + " outputs but there are "
                    + metadata.labels().size() + " labels " + metadata.labels());
        }
        writeEntries(target, metadata, serialise(network));
    }

    /**
     * Writes {@code source}'s network, byte for byte, with new metadata to {@code target} (which may be {@code source}:
     * the file is replaced only when complete). Calibration changes what a model says about itself, never its weights.
     */
    public static void rewriteMetadata(Path source, Path target, ModelMetadata metadata) {
        Map<String, byte[]> entries = BoundedZip.readFile(source, ZipLimits.DEFAULT);
        FrozenModelReader.document(source, entries); // refuses a source this babble would not read
        writeEntries(target, metadata, FrozenModelReader.require(source, entries, FrozenModelFormat.NETWORK));
    }

    private static void writeEntries(Path target, ModelMetadata metadata, byte[] networkBytes) {
        byte[] json;
        try {
            json = FrozenModelFormat.json()
                    .writeValueAsBytes(new FrozenModelFormat.Document(
                            FrozenModelFormat.VERSION, FrozenModelFormat.LAYER_NETWORK, metadata));
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

    /** Units of the output layer, read from the configuration without running the network; -1 when it does not say. */
    private static long outputSize(MultiLayerNetwork network) {
        int layers = network.getLayerWiseConfigurations().getConfs().size();
        Layer last = network.getLayerWiseConfigurations().getConf(layers - 1).getLayer();
        return last instanceof FeedForwardLayer ff ? ff.getNOut() : -1;
    }

    private static byte[] serialise(MultiLayerNetwork network) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ModelSerializer.writeModel(network, bytes, false);
        } catch (IOException e) {
            throw new IllegalStateException("DL4J could not serialise the network to memory", e);
        }
        return bytes.toByteArray();
    }
}
