package org.babble.cli;

import java.io.ObjectInputFilter;
import org.babble.core.FullBuild;

/** Entry point of the runnable jar. */
public final class Main {
    /**
     * babble reads no serialized Java objects; should a library try on a shared file (a model, a checkpoint), refuse
     * everything but small primitive arrays. Defence in depth behind the readers' own checks.
     */
    static final String SERIAL_FILTER = "maxdepth=4;maxarray=65536;maxrefs=1024;maxbytes=1048576;!*";

    private Main() {}

    /** "babble train" for {@code train --data_dir=...}: the first argument that is not an option. */
    private static String commandName(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                return "babble " + arg;
            }
        }
        return "babble";
    }

    public static void main(String[] args) {
        if (ObjectInputFilter.Config.getSerialFilter() == null) {
            ObjectInputFilter.Config.setSerialFilter(ObjectInputFilter.Config.createFilter(SERIAL_FILTER));
        }
        int exit;
        try {
            exit = Cli.create(args).execute(args);
        } catch (LinkageError e) {
            // picocli passes errors through; in the runtime without natives this is a command that needs DL4J
            if (!FullBuild.missingIn(e)) {
                throw e;
            }
            System.err.println("babble: " + FullBuild.message(commandName(args)));
            exit = ExitCode.FAILED;
        }
        System.exit(exit);
    }
}
