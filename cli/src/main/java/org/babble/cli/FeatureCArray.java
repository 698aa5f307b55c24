package org.babble.cli;

import java.util.Locale;
import org.babble.core.io.FileNames;

/**
 * A clip's features as C source, laid out as TF's {@code wav_to_features.py} lays them out (a width, a height and
 * the values frame by frame, named after the clip), so microcontroller code written against that script's files
 * builds against babble's. Values are floats: babble has no quantized models to match.
 */
final class FeatureCArray {
    private FeatureCArray() {}

    /** The C identifier part TF derives from a clip's file name: its stem, other characters as {@code _}. */
    static String variableBase(String fileName) {
        return FileNames.stem(fileName).replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** The source text: {@code g_BASE_width} (bins), {@code g_BASE_height} (frames), {@code g_BASE_data}. */
    static String source(String fileName, String description, float[][] frames) {
        String base = "g_" + variableBase(fileName);
        StringBuilder c = new StringBuilder();
        c.append("/* Features of ")
                .append(fileName.replace("*/", "* /"))
                .append(", written by babble features: ")
                .append(description)
                .append(". */\n\n");
        c.append("const int ")
                .append(base)
                .append("_width = ")
                .append(frames[0].length)
                .append(";\n");
        c.append("const int ")
                .append(base)
                .append("_height = ")
                .append(frames.length)
                .append(";\n");
        c.append("const float ").append(base).append("_data[] = {\n");
        for (float[] frame : frames) {
            c.append(' ');
            for (float v : frame) {
                c.append(' ').append(String.format(Locale.ROOT, "%.6g", v)).append(',');
            }
            c.append('\n');
        }
        return c.append("};\n").toString();
    }
}
