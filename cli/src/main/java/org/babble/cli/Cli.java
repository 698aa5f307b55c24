package org.babble.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.babble.core.BabbleException;
import org.babble.core.io.DiskFullException;
import picocli.CommandLine;

/**
 * Builds babble's {@link CommandLine} with its error handling, so {@code main} and the tests run exactly the same
 * configuration.
 */
public final class Cli {
    private Cli() {
    }

    public static CommandLine create() {
        CommandLine cli = new CommandLine(new BabbleCommand());
        cli.setExecutionExceptionHandler(Cli::handleFailure);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setUsageHelpAutoWidth(true);
        return cli;
    }

    /** Turns a runtime failure into one {@code babble: ...} line on stderr (and a stack trace with --debug). */
    private static int handleFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        err.println("babble: " + messageOf(e));
        if (parsed.matchedOption("--debug") != null || BabbleCommand.debugRequested(parsed)) {
            e.printStackTrace(err);
        }
        err.flush();
        return e instanceof Interrupted ? ExitCode.INTERRUPTED : ExitCode.FAILED;
    }

    static String messageOf(Throwable e) {
        if (e instanceof BabbleException || e instanceof Interrupted) {
            return e.getMessage();
        }
        String message = e.getMessage();
        return (message == null ? e.getClass().getSimpleName() : message) + " (run with --debug for details)";
    }

    /**
     * One input's failure in a batch: a {@link BabbleException} as it is (named after {@code input} when it names no
     * file), anything else (an out-of-memory error included) as that input's failure, so the batch goes on with the next
     * file. Ctrl-C is not an input's failure and is thrown on.
     */
    static BabbleException inputFailure(Path input, Throwable e) {
        if (e instanceof Interrupted interrupted) {
            throw interrupted;
        }
        if (e instanceof DiskFullException full) {
            throw full;
        }
        if (e instanceof BabbleException b) {
            return b.file().isPresent() ? b : new BabbleException(input, b.problem(), b.remedy().orElse(null), b);
        }
        if (e instanceof OutOfMemoryError) {
            return new BabbleException(input, "ran out of memory on it (" + e.getMessage() + ")",
                    "check the file, or give babble more memory (BABBLE_JAVA_OPTS=-Xmx8g)", e);
        }
        return new BabbleException(input, messageOf(e), null, e);
    }

    /** Thrown by a command that stopped cleanly on Ctrl-C. */
    public static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Interrupted(String message) {
            super(message);
        }
    }
}
