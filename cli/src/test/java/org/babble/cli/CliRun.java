package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs babble in-process exactly as {@code main} does, capturing exit code, stdout and stderr for assertions. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Cli.create(args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs babble with {@code keys} as its standard input, as a pipe of typed keys. */
    public static CliRun withStdin(String keys, String... args) {
        java.io.InputStream saved = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(keys.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return of(args);
        } finally {
            System.setIn(saved);
        }
    }

    public CliRun expectExit(int expected) {
        assertEquals(expected, exitCode, () -> "exit code; stdout:\n" + out + "\nstderr:\n" + err);
        return this;
    }
}
