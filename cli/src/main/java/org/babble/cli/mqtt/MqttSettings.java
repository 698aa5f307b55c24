package org.babble.cli.mqtt;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where and how {@code babble monitor --mqtt} publishes, validated in one place so a bad value names its option.
 *
 * @param broker {@code tcp://HOST[:PORT]} or {@code ssl://HOST[:PORT]}
 * @param topic the base topic every message lives under, e.g. {@code babble/nursery}
 * @param user the broker user, if the broker wants one
 * @param password the password read from {@code --mqtt-password-file} (never from the command line)
 * @param discoveryPrefix Home Assistant's discovery prefix when discovery configs are wanted
 * @param caFile a PEM CA certificate to trust for {@code ssl://} instead of the JVM's trust store
 */
public record MqttSettings(
        URI broker,
        String topic,
        Optional<String> user,
        Optional<String> password,
        Optional<String> discoveryPrefix,
        Optional<Path> caFile) {

    public MqttSettings {
        String scheme = broker.getScheme() == null ? "" : broker.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("tcp") && !scheme.equals("ssl")) {
            throw new IllegalArgumentException(
                    "--mqtt " + broker + ": give tcp://HOST:1883 or ssl://HOST:8883 (MQTT over TCP or TLS)");
        }
        if (broker.getHost() == null || broker.getHost().isEmpty()) {
            throw new IllegalArgumentException("--mqtt " + broker + ": no host (e.g. tcp://192.168.1.10:1883)");
        }
        checkTopic("--mqtt-topic", topic);
        discoveryPrefix.ifPresent(prefix -> checkTopic("--mqtt-discovery-prefix", prefix));
        if (caFile.isPresent() && !tls()) {
            throw new IllegalArgumentException("--mqtt-ca-file is for ssl:// brokers, not " + broker);
        }
        if (password.isPresent() && user.isEmpty()) {
            throw new IllegalArgumentException("--mqtt-password-file needs --mqtt-user");
        }
    }

    /** Whether the connection is TLS. */
    public boolean tls() {
        return broker.getScheme().equalsIgnoreCase("ssl");
    }

    /** The broker URI as Paho takes it: scheme, host and port (1883 or 8883 when none is given). */
    public String serverUri() {
        int port = broker.getPort() > 0 ? broker.getPort() : tls() ? 8883 : 1883;
        return broker.getScheme().toLowerCase(Locale.ROOT) + "://" + broker.getHost() + ":" + port;
    }

    /** Everything but the password, which must not reach a log line. */
    @Override
    public String toString() {
        return "MqttSettings[" + serverUri() + ", topic " + topic
                + user.map(u -> ", user " + u).orElse("")
                + discoveryPrefix.map(p -> ", discovery " + p).orElse("") + "]";
    }

    private static void checkTopic(String option, String topic) {
        if (topic.isEmpty() || topic.startsWith("/") || topic.endsWith("/") || topic.contains("//")) {
            throw new IllegalArgumentException(
                    option + " '" + topic + "': give levels separated by /, e.g. babble/nursery");
        }
        if (topic.contains("+") || topic.contains("#")) {
            throw new IllegalArgumentException(option + " '" + topic + "': + and # are wildcards, not part of a topic");
        }
    }
}
