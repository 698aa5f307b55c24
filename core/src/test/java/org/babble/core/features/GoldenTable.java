package org.babble.core.features;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reference feature rows computed once by {@code core/src/test/python/mfcc_reference.py} (numpy/scipy) and committed
 * under {@code golden/}: frame index, then that frame's values. Lines starting with {@code #} say how they were made.
 */
record GoldenTable(String name, Map<Integer, double[]> rows) {

    static GoldenTable load(String name) {
        String resource = "golden/" + name + ".csv";
        try (InputStream in = GoldenTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource
                        + " (regenerate with python3 core/src/test/python/mfcc_reference.py)");
            }
            Map<Integer, double[]> rows = new LinkedHashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(",");
                rows.put(
                        Integer.parseInt(fields[0]),
                        Arrays.stream(fields, 1, fields.length)
                                .mapToDouble(Double::parseDouble)
                                .toArray());
            }
            return new GoldenTable(name, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
