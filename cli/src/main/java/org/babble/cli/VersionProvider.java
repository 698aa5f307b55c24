package org.babble.cli;

import org.babble.core.BabbleVersion;
import picocli.CommandLine;

/** {@code babble --version}: babble's version and the Java and OS it runs on (what a bug report needs). */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "babble " + BabbleVersion.get(),
            "Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch")
        };
    }
}
