package org.babble.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.babble.dataset.label.KeySource;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Keys as they are pressed, from the terminal in raw mode (JLine, already on the class path for the progress bar), so
 * {@code 1} labels a clip at once instead of waiting for Enter. JLine is told to use its exec provider only ({@code
 * stty}), which loads no native library: labelling works on every Pi. The terminal's settings are restored on close,
 * and by a shutdown hook if the JVM ends first (Ctrl-C).
 */
final class TerminalKeys implements KeySource, AutoCloseable {
    private static final int CTRL_C = 3;
    private static final int CTRL_D = 4;

    private final Terminal terminal;
    private final Attributes saved;
    private final Thread restore;

    private TerminalKeys(Terminal terminal) {
        this.terminal = terminal;
        this.saved = terminal.enterRawMode();
        this.restore = new Thread(() -> terminal.setAttributes(saved), "babble-terminal-restore");
        Runtime.getRuntime().addShutdownHook(restore);
    }

    /** Raw keys when stdin and stdout are a terminal; empty for pipes, files and dumb terminals. */
    static Optional<TerminalKeys> open() {
        try {
            Terminal terminal = TerminalBuilder.builder()
                    .system(true)
                    .exec(true)
                    .jna(false)
                    .jansi(false)
                    .jni(false)
                    .ffm(false)
                    .dumb(false) // no terminal: build() fails, and keys come a line at a time
                    .build();
            if (Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
                terminal.close();
                return Optional.empty();
            }
            return Optional.of(new TerminalKeys(terminal));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no usable terminal: keys a line at a time, as from a pipe
        }
    }

    @Override
    public int next() {
        try {
            int c = terminal.reader().read();
            if (c == '\r' || c == '\n') {
                return ENTER;
            }
            return c == CTRL_C || c == CTRL_D ? -1 : c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        terminal.setAttributes(saved);
        try {
            Runtime.getRuntime().removeShutdownHook(restore);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: the settings are restored either way
        }
        try {
            terminal.close();
        } catch (IOException e) {
            // the settings are back; a terminal that will not close is the JVM's to drop
        }
    }
}
