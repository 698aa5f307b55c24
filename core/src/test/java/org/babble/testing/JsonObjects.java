package org.babble.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Tiny JSON objects for opaque settings in tests. */
public final class JsonObjects {
    private JsonObjects() {}

    /** An object from alternating keys and string values. */
    public static ObjectNode object(String... keysAndValues) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            node.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return node;
    }
}
