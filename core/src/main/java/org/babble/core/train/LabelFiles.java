package org.babble.core.train;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.babble.core.io.AtomicFiles;
import org.babble.core.model.Architecture;

/**
 * The labels a train dir holds, in output order, under every name a user may look for: babble's {@code labels.txt},
 * TF's {@code <architecture>_labels.txt} (lines joined by newlines, no newline at the end, as TF's {@code train.py}
 * writes it), and {@code conv_labels.txt} whatever the architecture, because the labels do not depend on it and the
 * tutorial, the talk and the blog all copy {@code training/conv_labels.txt}.
 */
public final class LabelFiles {
    public static final String BABBLE = "labels.txt";
    /** The name TF gives the labels of its default architecture, which every tutorial copies. */
    public static final String TF_DEFAULT = Architecture.CONV.flagName() + "_labels.txt";

    private LabelFiles() {}

    /** TF's name for the labels of {@code architecture}. */
    public static String tfName(Architecture architecture) {
        return architecture.flagName() + "_labels.txt";
    }

    /** Writes all names into {@code trainDir}, each atomically. */
    public static void write(Path trainDir, Architecture architecture, List<String> labels) {
        String tf = String.join("\n", labels);
        AtomicFiles.write(trainDir.resolve(BABBLE), (tf + "\n").getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(trainDir.resolve(tfName(architecture)), tf.getBytes(StandardCharsets.UTF_8));
        if (architecture != Architecture.CONV) {
            AtomicFiles.write(trainDir.resolve(TF_DEFAULT), tf.getBytes(StandardCharsets.UTF_8));
        }
    }
}
