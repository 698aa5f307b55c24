package org.babble.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.babble.cli.web.WebSettings;
import org.babble.core.BabbleException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The web page's flags, shared by {@code serve} and {@code monitor --http}, turned into {@link WebSettings} once. */
final class WebMixin {
    /** A token file is one line; anything longer is not a token file. */
    private static final int MAX_TOKEN_FILE = 4096;

    @Option(
            names = "--bind",
            defaultValue = "127.0.0.1",
            paramLabel = "ADDRESS",
            description = "Address to serve the page on (default: ${DEFAULT-VALUE}, this machine only; any other"
                    + " address needs --token-file).")
    String bind;

    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            description = "File holding the secret (at least 16 characters) a phone must give to see the page.")
    Path tokenFile;

    WebSettings settings(CommandLine commandLine, int port) {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new CommandLine.ParameterException(commandLine, "--bind " + bind + ": no such address");
        }
        Optional<String> token = Optional.ofNullable(tokenFile).map(WebMixin::readToken);
        try {
            return new WebSettings(address, port, token);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }

    private static String readToken(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_TOKEN_FILE + 1);
        } catch (IOException e) {
            throw new BabbleException(file, "cannot read the token file: " + e.getMessage(), "check the path");
        }
        if (bytes.length > MAX_TOKEN_FILE) {
            throw new BabbleException(file, "is too large for a token file", "put only the secret in it, on one line");
        }
        String token = new String(bytes, StandardCharsets.UTF_8).strip();
        if (token.isEmpty() || token.contains("\n")) {
            throw new BabbleException(file, "holds no token on one line", "put the secret in it, on one line");
        }
        return token;
    }
}
