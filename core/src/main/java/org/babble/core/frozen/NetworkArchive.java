package org.babble.core.frozen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.babble.core.BabbleException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Reads a network zip as DL4J's {@code ModelSerializer} writes it, without {@code ModelSerializer}: that would read a
 * {@code preprocessor.bin} entry with an unfiltered {@link java.io.ObjectInputStream}, and trust every array length it
 * finds. Model files and checkpoints are files people share, so here only the configuration (JSON), the weights and
 * the updater state (plain ND4J arrays) are read, and each array's claimed length is checked against the length the
 * configuration implies before ND4J allocates it. Any other entry is refused.
 */
public final class NetworkArchive {
    static final String CONFIGURATION = "configuration.json";
    static final String COEFFICIENTS = "coefficients.bin";
    static final String UPDATER = "updaterState.bin";
    /** What {@code ModelSerializer} writes for babble's networks; a normalizer or Java-serialized object is not. */
    private static final Set<String> KNOWN = Set.of(CONFIGURATION, COEFFICIENTS, UPDATER);
    /** 64 M parameters (256 MB of floats): a hundred times babble's largest network. */
    static final long MAX_PARAMETERS = 64L << 20;

    final Path file;
    final String where;
    final Map<String, byte[]> entries;

    NetworkArchive(Path file, String where, Map<String, byte[]> entries) {
        this.file = file;
        this.where = where;
        this.entries = entries;
        for (String name : entries.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new BabbleException(
                        file,
                        "refusing entry '" + name + "' " + where + ": babble writes only " + KNOWN
                                + " and never reads serialized Java objects",
                        "this file was not written by babble or was tampered with; do not use it");
            }
        }
        if (!entries.containsKey(CONFIGURATION) || !entries.containsKey(COEFFICIENTS)) {
            throw new BabbleException(
                    file,
                    "network " + where + " lacks " + CONFIGURATION + " or " + COEFFICIENTS + " (found "
                            + entries.keySet() + ")",
                    remedy());
        }
    }

    /** A network zip held in memory, {@code what} naming it in messages. */
    static NetworkArchive of(Path file, String what, byte[] zip) {
        return new NetworkArchive(file, "in " + what, BoundedZip.readBytes(file, what, zip, ZipLimits.DEFAULT));
    }

    /**
     * Reads a {@link MultiLayerNetwork} from a network zip in memory, with its updater state when {@code withUpdater}
     * (to continue training) and the zip holds one.
     */
    public static MultiLayerNetwork multiLayerNetwork(Path file, String what, byte[] zip, boolean withUpdater) {
        return of(file, what, zip).multiLayerNetwork(withUpdater);
    }

    /**
     * The network's weights for the plain-Java forward pass, read without ND4J, or empty when the network is not one
     * it computes (or its weights are not stored as 32-bit floats): then only DL4J can run it.
     */
    Optional<TcResnetWeights> tcResnetWeights(int bins) {
        byte[] bytes = entries.get(COEFFICIENTS);
        ArrayHeader header;
        try {
            header = ArrayHeader.of(bytes);
        } catch (IOException e) {
            throw new BabbleException(
                    file, "network weights " + where + " are unreadable: " + e.getMessage(), remedy(), e);
        }
        if (header.elementBytes() != Float.BYTES || header.length() > MAX_PARAMETERS) {
            return Optional.empty();
        }
        float[] params = new float[(int) header.length()];
        // Nd4j.write stores the values last, big-endian, as DataOutputStream writes them.
        ByteBuffer.wrap(bytes, bytes.length - params.length * Float.BYTES, params.length * Float.BYTES)
                .order(ByteOrder.BIG_ENDIAN)
                .asFloatBuffer()
                .get(params);
        return TcResnetImport.from(configurationJson(), params, bins);
    }

    /** The network's layer types, as a person would name them ("DenseLayer, OutputLayer"). */
    String layerTypes() {
        java.util.regex.Matcher layer = LAYER_CLASS.matcher(configurationJson());
        java.util.List<String> types = new java.util.ArrayList<>();
        while (layer.find()) {
            if (!types.contains(layer.group(1))) {
                types.add(layer.group(1));
            }
        }
        return String.join(", ", types);
    }

    private static final java.util.regex.Pattern LAYER_CLASS =
            java.util.regex.Pattern.compile("\"@class\"\\s*:\\s*\"org\\.[a-z0-9.]+\\.layers\\.(\\w+)\"");

    MultiLayerNetwork multiLayerNetwork(boolean withUpdater) {
        return Dl4jArchive.multiLayerNetwork(this, withUpdater);
    }

    /** babble's own layers as checkpoints and models written before they moved to {@code model.layers} name them. */
    private static final java.util.regex.Pattern OLD_LAYER_NAMES =
            java.util.regex.Pattern.compile("\"org\\.babble\\.core\\.model\\.(TemporalConvolution|BatchNormRelu)\"");

    /** The network's configuration, with babble's own layers under their current names. */
    String configurationJson() {
        String json = new String(entries.get(CONFIGURATION), StandardCharsets.UTF_8);
        return OLD_LAYER_NAMES.matcher(json).replaceAll("\"org.babble.core.model.layers.$1\"");
    }

    long addParameters(long sum, long layer) {
        if (layer < 0 || layer > MAX_PARAMETERS - sum) {
            throw misfit("its configuration asks for more than " + MAX_PARAMETERS + " parameters", null);
        }
        return sum + layer;
    }

    BabbleException misfit(String problem, Throwable cause) {
        return new BabbleException(
                file, "network " + where + " does not fit together (" + problem + ")", remedy(), cause);
    }

    static String remedy() {
        return "the file is damaged or was not written by babble; freeze (or train) it again";
    }

    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
