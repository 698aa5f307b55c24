package org.babble.core;

import java.nio.file.Path;

/**
 * Whether this babble carries ND4J and DL4J (the full build) or is the runtime without natives, which scores the
 * default networks in plain Java and has no ND4J class at all. Asked before anything would load an ND4J class, so the
 * runtime says in one line what needs the full build instead of failing with {@code NoClassDefFoundError}.
 */
public final class FullBuild {
    /** A class of ND4J's API and one of DL4J: the runtime without natives has neither. */
    private static final String[] CLASSES = {
        "org.nd4j.linalg.factory.Nd4j", "org.deeplearning4j.nn.multilayer.MultiLayerNetwork"
    };

    private static final String REMEDY =
            "run it with ./babble (the full build, with ND4J's native libraries); babble-lite runs classify,"
                    + " monitor, report, stats, clean, record, label and info on tc_resnet models";

    private FullBuild() {}

    /** True when ND4J and DL4J are on the class path. */
    public static boolean present() {
        ClassLoader loader = FullBuild.class.getClassLoader();
        for (String name : CLASSES) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when {@code failure} (or a cause) is ND4J or DL4J missing from the class path, or ND4J finding no native
     * backend: what a command that trains or reads a checkpoint meets in the runtime without natives.
     */
    public static boolean missingIn(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            String message = e.getMessage() == null ? "" : e.getMessage().replace('/', '.');
            boolean missingClass = (e instanceof NoClassDefFoundError || e instanceof ClassNotFoundException)
                    && (message.startsWith("org.nd4j.")
                            || message.startsWith("org.deeplearning4j.")
                            || message.startsWith("org.bytedeco."));
            if (missingClass || e.getClass().getSimpleName().equals("NoAvailableBackendException")) {
                return true;
            }
            if (e.getCause() == e) {
                break;
            }
        }
        return false;
    }

    /** The one line for {@code command} (as the user typed it) when it met {@link #missingIn}. */
    public static String message(String command) {
        return command + " needs the full babble build with ND4J; " + REMEDY;
    }

    /**
     * Refuses, as one line naming {@code file} (may be null), what only the full build can do.
     *
     * @param what what needs ND4J, as the start of a sentence ("this network (DenseLayer) ")
     */
    public static void require(Path file, String what) {
        if (!present()) {
            throw new BabbleException(file, what + " needs the full babble build with ND4J", REMEDY);
        }
    }
}
