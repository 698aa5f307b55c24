package org.babble.core.frozen;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The layout of {@code model.babble}: a zip whose first entry is {@value #METADATA} (JSON: format version, network kind,
 * labels, feature settings and layout, training settings, provenance) and whose second is {@value #NETWORK}, the network
 * as DL4J's {@code ModelSerializer} writes it without updater state.
 */
final class FrozenModelFormat {
    static final String METADATA = "babble-model.json";
    static final String NETWORK = "network.dl4j.zip";
    /** Bumped whenever a reader of the previous version could misread a new file. */
    static final int VERSION = 1;
    /** The metadata is text; a megabyte is already absurd. */
    static final long MAX_METADATA_BYTES = 1 << 20;

    static final String CONFIGURATION = NetworkArchive.CONFIGURATION;
    static final String COEFFICIENTS = NetworkArchive.COEFFICIENTS;

    /**
     * The network kind every model file names: a DL4J {@code MultiLayerNetwork}, the only kind babble trains. Version 1
     * also allowed {@code COMPUTATION_GRAPH}, which nothing in babble ever wrote; such a file is refused by name.
     */
    static final String LAYER_NETWORK = "MULTI_LAYER_NETWORK";

    /** The JSON document stored as {@value #METADATA}; {@code network} is {@value #LAYER_NETWORK}. */
    record Document(int formatVersion, String network, ModelMetadata metadata) {}

    static ObjectMapper json() {
        return new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    private FrozenModelFormat() {}
}
