package org.babble.cli;

import java.io.Console;

/**
 * Whether babble talks to a person at a terminal (bars and meters redrawn in place) or to a pipe or log (plain lines).
 * Up to JDK 21 {@link System#console()} is null off a terminal; from JDK 22 it always returns a console, and only
 * {@code Console.isTerminal()}, which JDK 17 lacks, tells the two apart, so the method is looked up when it exists.
 */
final class Terminal {
    private Terminal() {}

    /** True when standard input and output are an interactive terminal. */
    @SuppressWarnings("SystemConsoleNull") // null is the answer on JDK 17 to 21; isTerminal() decides on 22+
    static boolean attached() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // JDK 17 to 21: a console exists only on a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
