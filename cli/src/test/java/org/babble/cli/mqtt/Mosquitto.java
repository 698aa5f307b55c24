package org.babble.cli.mqtt;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker for a test: started on a free loopback port from a config written into a temp folder,
 * killed like a crash ({@link #kill}) and started again on the same port ({@link #restart}). Without Mosquitto installed
 * the test skips, saying so; under CI (the variable {@code CI} set, not {@code false}) it fails instead, as
 * {@code SharedData.require} does for the recordings.
 */
final class Mosquitto implements AutoCloseable {
    private static final List<Path> PLACES =
            List.of(Path.of("/usr/sbin/mosquitto"), Path.of("/usr/local/sbin/mosquitto"));

    private final Path executable;
    private final Path config;
    private final Path log;
    private final int port;
    private Process process;

    private Mosquitto(Path executable, Path config, Path log, int port) {
        this.executable = executable;
        this.config = config;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts a broker in {@code dir} listening on a free loopback port with anonymous access; {@code more} are further
     * config lines (a password file, a TLS listener).
     */
    static Mosquitto start(Path dir, String... more) throws IOException {
        return start(dir, freePort(), more);
    }

    /** As {@link #start(Path, String...)} on a given port. */
    static Mosquitto start(Path dir, int port, String... more) throws IOException {
        Path executable = require();
        Files.createDirectories(dir);
        List<String> lines = new ArrayList<>(List.of(
                "per_listener_settings false",
                "persistence false",
                "user " + System.getProperty("user.name"), // as root it would switch to "mosquitto" otherwise
                "listener " + port + " 127.0.0.1"));
        lines.addAll(List.of(more));
        if (lines.stream().noneMatch(l -> l.startsWith("allow_anonymous"))) {
            lines.add("allow_anonymous true");
        }
        Path config = dir.resolve("mosquitto.conf");
        Files.write(config, lines);
        Mosquitto broker = new Mosquitto(executable, config, dir.resolve("mosquitto.log"), port);
        broker.launch();
        return broker;
    }

    /** The installed broker; skips the test without it, or fails it under CI. */
    static Path require() {
        for (Path place : PLACES) {
            if (Files.isExecutable(place)) {
                return place;
            }
        }
        String absent = "mosquitto is not installed (tests against a real MQTT broker need Debian's mosquitto:"
                + " apt-get install mosquitto)";
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
            fail("CI=" + ci + " but " + absent + ": under CI these tests must run, not skip");
        }
        return abort("skipped: " + absent);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Kills the broker as a crash or a pulled cable would: no goodbye to its clients. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts the same broker again, on the same port, with nothing retained from before. */
    void restart() throws IOException {
        launch();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void launch() throws IOException {
        process = new ProcessBuilder(executable.toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("mosquitto exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        fail("mosquitto did not listen on " + port + " within 10 s:\n" + Files.readString(log));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
