package org.babble.core.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.babble.core.BabbleException;
import org.babble.core.frozen.NetworkArchive;
import org.babble.core.io.AtomicFiles;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A training checkpoint: one zip holding the network with its updater (Adam moments, iteration count) as DL4J writes it,
 * and {@link CheckpointState} as JSON. Written atomically, so a crash never leaves a half checkpoint behind. Nothing in
 * it is a serialized Java object: the network is JSON and plain arrays, read back by {@link NetworkArchive}, since
 * checkpoints are files people share.
 */
public record Checkpoint(MultiLayerNetwork network, CheckpointState state) {
    static final String NETWORK_ENTRY = "network.zip";
    static final String STATE_ENTRY = "state.json";
    /** Largest entry read back: far above any network babble builds, far below what would exhaust memory. */
    static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;

    static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public void write(Path file) {
        ByteArrayOutputStream net = new ByteArrayOutputStream();
        try {
            ModelSerializer.writeModel(network, net, true);
            byte[] stateJson = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(state);
            AtomicFiles.write(file, out -> {
                ZipOutputStream zip = new ZipOutputStream(out);
                zip.putNextEntry(new ZipEntry(STATE_ENTRY));
                zip.write(stateJson);
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(NETWORK_ENTRY));
                net.writeTo(zip);
                zip.closeEntry();
                zip.finish();
            });
        } catch (IOException e) {
            throw new BabbleException(file, "cannot write checkpoint: " + e.getMessage(), "check the disk", e);
        }
    }

    /** Reads a checkpoint with its updater state, ready to continue training. */
    public static Checkpoint read(Path file) {
        byte[] stateJson = null;
        byte[] net = null;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (STATE_ENTRY.equals(e.getName())) {
                    stateJson = readBounded(zip, file);
                } else if (NETWORK_ENTRY.equals(e.getName())) {
                    net = readBounded(zip, file);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: ZipInputStream's answer to an entry name that is not valid UTF-8
            throw new BabbleException(
                    file, "cannot read checkpoint: " + e.getMessage(), "pass a ckpt-N.zip written by babble train", e);
        }
        if (stateJson == null || net == null) {
            throw new BabbleException(
                    file,
                    "not a babble checkpoint (missing " + (stateJson == null ? STATE_ENTRY : NETWORK_ENTRY) + ")",
                    "pass a ckpt-N.zip written by babble train");
        }
        try {
            CheckpointState state = JSON.readValue(stateJson, CheckpointState.class);
            MultiLayerNetwork network =
                    NetworkArchive.multiLayerNetwork(file, "entry '" + NETWORK_ENTRY + "'", net, true);
            return new Checkpoint(network, state);
        } catch (BabbleException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BabbleException(
                    file, "corrupt checkpoint: " + e.getMessage(), "use an earlier checkpoint from the same folder", e);
        }
    }

    private static byte[] readBounded(InputStream in, Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            total += n;
            if (total > MAX_ENTRY_BYTES) {
                throw new BabbleException(
                        file,
                        "checkpoint entry larger than " + MAX_ENTRY_BYTES + " bytes",
                        "this is not a checkpoint babble wrote");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
