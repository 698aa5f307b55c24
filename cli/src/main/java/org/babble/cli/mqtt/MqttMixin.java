package org.babble.cli.mqtt;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.SocketFactory;
import org.babble.core.BabbleException;
import org.babble.core.monitor.store.EpisodeRow;
import org.babble.core.monitor.store.MonitorDatabase;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code monitor --mqtt ...}: the options that publish a monitor run to an MQTT broker (Mosquitto, Home Assistant's
 * add-on), checked together, and the publisher they start. See docs/mqtt.md for the topics and payloads.
 */
public final class MqttMixin {
    /** How long the monitor's start waits for the broker, so its first state is not already history when it connects. */
    private static final long FIRST_CONNECT_WAIT_MS = 3000;

    static final String DEFAULT_TOPIC = "babble";
    static final String DEFAULT_DISCOVERY_PREFIX = "homeassistant";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--mqtt",
            paramLabel = "URI",
            description = "Publish state, episodes and cry minutes to this MQTT broker: tcp://HOST:1883, or"
                    + " ssl://HOST:8883 for TLS. A broker that is down never stops monitoring: babble retries.")
    String broker;

    @Option(
            names = "--mqtt-topic",
            paramLabel = "TOPIC",
            description = "Base topic of every message, e.g. babble/nursery (default: " + DEFAULT_TOPIC + ").")
    String topic;

    @Option(names = "--mqtt-user", paramLabel = "USER", description = "User name for the broker.")
    String user;

    @Option(
            names = "--mqtt-password-file",
            paramLabel = "FILE",
            description = "Read the broker password from the first line of FILE (never given on the command line).")
    Path passwordFile;

    @Option(
            names = "--mqtt-discovery",
            description = "Publish Home Assistant discovery configs: a \"Baby crying\" binary sensor for --label and a"
                    + " \"Cry minutes today\" sensor appear by themselves.")
    boolean discovery;

    @Option(
            names = "--mqtt-discovery-prefix",
            paramLabel = "PREFIX",
            description = "Home Assistant's discovery prefix (default: " + DEFAULT_DISCOVERY_PREFIX + ").")
    String discoveryPrefix;

    @Option(
            names = "--mqtt-ca-file",
            paramLabel = "FILE",
            description = "Trust the broker's certificate if this PEM CA signed it (default for ssl://: the JVM's"
                    + " trust store).")
    Path caFile;

    /** The settings, or empty without {@code --mqtt}; a usage error names the option, an unreadable file is one line. */
    public Optional<MqttSettings> settings() {
        if (broker == null) {
            if (topic != null
                    || user != null
                    || passwordFile != null
                    || discovery
                    || discoveryPrefix != null
                    || caFile != null) {
                throw usage("--mqtt-topic, --mqtt-user, --mqtt-password-file, --mqtt-discovery, --mqtt-discovery-prefix"
                        + " and --mqtt-ca-file need --mqtt URI");
            }
            return Optional.empty();
        }
        if (discoveryPrefix != null && !discovery) {
            throw usage("--mqtt-discovery-prefix needs --mqtt-discovery");
        }
        URI uri;
        try {
            uri = new URI(broker);
        } catch (URISyntaxException e) {
            throw usage("--mqtt " + broker + ": not a URI (" + e.getReason() + "); e.g. tcp://192.168.1.10:1883");
        }
        Optional<String> password = Optional.ofNullable(passwordFile).map(MqttMixin::readPassword);
        try {
            return Optional.of(new MqttSettings(
                    uri,
                    topic != null ? topic : DEFAULT_TOPIC,
                    Optional.ofNullable(user),
                    password,
                    discovery
                            ? Optional.of(discoveryPrefix != null ? discoveryPrefix : DEFAULT_DISCOVERY_PREFIX)
                            : Optional.empty(),
                    Optional.ofNullable(caFile)));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /**
     * Starts publishing for a run of {@code label} over {@code labels} whose audio clock starts at {@code origin};
     * today's minutes so far come from {@code database}. Empty without {@code --mqtt}. Returns at once: the broker is
     * reached in the background, and what it has to say goes to {@code notes}.
     */
    public Optional<MqttPublisher> start(
            List<String> labels, String label, MonitorDatabase database, Instant origin, Consumer<String> notes) {
        Optional<MqttSettings> chosen = settings();
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        MqttSettings s = chosen.get();
        SocketFactory sockets = s.caFile().map(PemTrust::sockets).orElse(null);
        ZoneId zone = ZoneId.systemDefault();
        MqttTopics topics = new MqttTopics(s.topic(), zone);
        CryMinutes minutes = new CryMinutes(zone, origin, earlierToday(database, label, origin, zone));
        List<MqttMessage> first = new ArrayList<>();
        first.add(topics.availability(true));
        s.discoveryPrefix().ifPresent(prefix -> first.addAll(topics.discovery(prefix, label)));
        for (String l : labels) {
            if (MqttPublisher.isPublished(l, label)) {
                first.add(topics.state(l, false));
            }
        }
        first.add(topics.cryMinutes(minutes.minutes(null, origin)));
        MqttOutbox outbox = new MqttOutbox(s, sockets, first, topics.availability(false));
        outbox.awaitFirstAttempt(FIRST_CONNECT_WAIT_MS);
        return Optional.of(new MqttPublisher(topics, labels, label, minutes, outbox, notes));
    }

    /** Milliseconds of {@code label} episodes the database holds between local midnight and {@code origin}. */
    static long earlierToday(MonitorDatabase database, String label, Instant origin, ZoneId zone) {
        Instant midnight = CryMinutes.midnight(origin, zone);
        long ms = 0;
        for (EpisodeRow e : database.episodes(midnight, origin)) {
            if (e.label().equals(label)) {
                Instant from = e.start().isBefore(midnight) ? midnight : e.start();
                Instant to = e.end().filter(end -> end.isBefore(origin)).orElse(origin);
                ms += Math.max(0, to.toEpochMilli() - from.toEpochMilli());
            }
        }
        return ms;
    }

    private static String readPassword(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BabbleException(
                    file,
                    "cannot read the MQTT password (" + e.getClass().getSimpleName() + ")",
                    "write the broker password on the first line of a file only you can read (chmod 600)");
        }
        if (lines.isEmpty() || lines.get(0).isEmpty()) {
            throw new BabbleException(file, "holds no password", "write the broker password on its first line");
        }
        return lines.get(0);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(mixee.commandLine(), message);
    }
}
