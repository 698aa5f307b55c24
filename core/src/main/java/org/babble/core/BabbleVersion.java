package org.babble.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** babble's version, as Maven filtered it into {@code babble-version.properties}: shown by --version, kept in models. */
public final class BabbleVersion {
    private static final String VERSION = load();

    private BabbleVersion() {}

    public static String get() {
        return VERSION;
    }

    private static String load() {
        Properties props = new Properties();
        try (InputStream in = BabbleVersion.class.getResourceAsStream("/babble-version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return props.getProperty("version", "unknown");
    }
}
