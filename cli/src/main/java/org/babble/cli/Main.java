package org.babble.cli;

import java.io.ObjectInputFilter;

/** Entry point of the runnable jar. */
public final class Main {
    /**
     * babble reads no serialized Java objects; should a library try on a shared file (a model, a checkpoint), refuse
     * everything but small primitive arrays. Defence in depth behind the readers' own checks.
     */
    static final String SERIAL_FILTER = "maxdepth=4;maxarray=65536;maxrefs=1024;maxbytes=1048576;!*";

    private Main() {}

    public static void main(String[] args) {
        if (ObjectInputFilter.Config.getSerialFilter() == null) {
            ObjectInputFilter.Config.setSerialFilter(ObjectInputFilter.Config.createFilter(SERIAL_FILTER));
        }
        System.exit(Cli.create().execute(args));
    }
}
