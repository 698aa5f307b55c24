package org.babble.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A babble command running in the background of a test (a server, a monitor), as {@link CliRun} runs one to the end:
 * the test waits for a line on its stderr, talks to it, then interrupts it or waits for its exit code.
 */
final class CliThread implements AutoCloseable {
    private final StringWriter err = new StringWriter();
    private final Thread thread;
    private volatile int exitCode = -1;

    private CliThread(String... args) {
        thread = new Thread(
                () -> {
                    var cli = Cli.create();
                    cli.setOut(new PrintWriter(new StringWriter(), true));
                    cli.setErr(new PrintWriter(err, true));
                    exitCode = cli.execute(args);
                },
                "babble " + args[0]);
    }

    static CliThread start(String... args) {
        CliThread run = new CliThread(args);
        run.thread.start();
        return run;
    }

    /** The first group of {@code pattern} in stderr, once it is there; fails after {@code patience}. */
    String await(Pattern pattern, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = pattern.matcher(err.toString());
            if (m.find()) {
                return m.group(1);
            }
            if (!thread.isAlive()) {
                break;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no " + pattern + " on stderr (exit code " + exitCode + "):\n" + err);
    }

    /** Waits for the command to end by itself and returns its exit code. */
    int exitCode(Duration patience) throws InterruptedException {
        thread.join(patience.toMillis());
        return exitCode;
    }

    String err() {
        return err.toString();
    }

    /** Interrupts the command (as Ctrl-C would end it) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(10_000);
    }
}
