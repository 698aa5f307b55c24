package org.babble.cli.web;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Where the web page listens and who may use it. Validated here, once: a server reachable from other machines must
 * have a token, since a baby monitor's page (and its recordings) would otherwise be open to the whole network.
 *
 * @param bind  the address to listen on (loopback by default)
 * @param port  the TCP port; 0 picks a free one
 * @param token the secret a client must show; required unless {@code bind} is a loopback address
 */
public record WebSettings(InetAddress bind, int port, Optional<String> token) {
    /** The shortest token accepted: 16 characters, about 95 bits from a password generator. */
    public static final int MIN_TOKEN_LENGTH = 16;

    public WebSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the port must be 0..65535, got " + port);
        }
        if (!bind.isLoopbackAddress() && token.isEmpty()) {
            throw new IllegalArgumentException("--bind " + bind.getHostAddress()
                    + " opens the page to the network: give --token-file with a secret of at least "
                    + MIN_TOKEN_LENGTH + " characters");
        }
        if (token.isPresent() && token.get().length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException(
                    "the token is " + token.get().length() + " characters; use at least " + MIN_TOKEN_LENGTH);
        }
    }

    /** Whether only this machine can connect. */
    public boolean loopbackOnly() {
        return bind.isLoopbackAddress();
    }
}
