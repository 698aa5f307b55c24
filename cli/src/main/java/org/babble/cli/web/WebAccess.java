package org.babble.cli.web;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may read the page and who may change what it stores. Every request passes {@link #readDenial}; every request
 * that changes state passes {@link #writeDenial} as well.
 *
 * <ul>
 *   <li>Reading: on loopback, anyone on this machine, but only when the {@code Host} header names this machine (a page
 *       elsewhere cannot reach it by rebinding a DNS name to 127.0.0.1). With a token, the client shows it as {@code
 *       Authorization: Bearer}, or logs in once and holds a session cookie ({@code HttpOnly}, {@code SameSite=Strict}).
 *   <li>Writing: the request must also carry this server's anti-forgery secret in {@code X-Babble-Csrf}, which only a
 *       page served from here can read, and its {@code Origin}, when sent, must be this server.
 * </ul>
 *
 * Secrets are compared in constant time.
 */
final class WebAccess {
    static final String SESSION_COOKIE = "babble_session";
    static final String CSRF_HEADER = "X-Babble-Csrf";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean loopbackOnly;
    private final Optional<byte[]> token;
    private final String csrf = randomSecret();
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();

    WebAccess(WebSettings settings) {
        this.loopbackOnly = settings.loopbackOnly();
        this.token = settings.token().map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    /** The anti-forgery secret the page embeds. */
    String csrfSecret() {
        return csrf;
    }

    /** Whether clients must show the token (or a session from it). */
    boolean needsLogin() {
        return token.isPresent();
    }

    /** Why a request may not read: empty when it may. */
    Optional<Denial> readDenial(Headers headers) {
        if (loopbackOnly && !namesThisMachine(headers.getFirst("Host"))) {
            return Optional.of(new Denial(403, "this page answers only to localhost"));
        }
        if (token.isEmpty() || hasSession(headers) || showsToken(headers)) {
            return Optional.empty();
        }
        return Optional.of(new Denial(401, "log in first"));
    }

    /** Why a request may not change state: empty when it may. */
    Optional<Denial> writeDenial(Headers headers) {
        Optional<Denial> read = readDenial(headers);
        if (read.isPresent()) {
            return read;
        }
        String origin = headers.getFirst("Origin");
        String host = headers.getFirst("Host");
        if (origin != null && (host == null || !origin.equalsIgnoreCase("http://" + host))) {
            return Optional.of(new Denial(403, "cross-site request refused"));
        }
        if (!same(headers.getFirst(CSRF_HEADER), csrf.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(new Denial(403, "missing or wrong " + CSRF_HEADER));
        }
        return Optional.empty();
    }

    /** A new session for a client that showed the right token; empty when it was wrong. */
    Optional<String> login(String offered) {
        if (token.isEmpty() || !same(offered, token.get())) {
            return Optional.empty();
        }
        String session = randomSecret();
        sessions.add(session);
        return Optional.of(session);
    }

    private boolean showsToken(Headers headers) {
        String authorization = headers.getFirst("Authorization");
        return authorization != null
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && same(authorization.substring(7).strip(), token.get());
    }

    private boolean hasSession(Headers headers) {
        String cookies = headers.getFirst("Cookie");
        if (cookies == null) {
            return false;
        }
        for (String cookie : cookies.split(";", -1)) {
            String c = cookie.strip();
            if (c.startsWith(SESSION_COOKIE + "=")) {
                String value = c.substring(SESSION_COOKIE.length() + 1);
                // constant time against each live session; there are a handful at most
                boolean known = false;
                for (String session : sessions) {
                    known |= same(value, session.getBytes(StandardCharsets.UTF_8));
                }
                if (known) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean namesThisMachine(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int close = name.indexOf(']');
            return close > 0 && name.substring(1, close).equals("::1");
        }
        int colon = name.indexOf(':');
        String bare = colon < 0 ? name : name.substring(0, colon);
        return bare.equals("localhost") || bare.equals("127.0.0.1");
    }

    /** Compares digests, so the time taken says nothing of the secret, not even its length. */
    private static boolean same(String offered, byte[] secret) {
        return offered != null
                && MessageDigest.isEqual(sha256(offered.getBytes(StandardCharsets.UTF_8)), sha256(secret));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A refusal: the HTTP status and a short reason for the client. */
    record Denial(int status, String reason) {}
}
