package org.babble.cli.mqtt;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A Paho client that subscribes to topic filters and keeps every message it receives, in order. */
final class Subscriber implements AutoCloseable {
    /** One received message. */
    record Received(String topic, String payload, boolean retained) {}

    private final MqttClient client;
    private final List<Received> received = new ArrayList<>();

    private Subscriber(MqttClient client) {
        this.client = client;
    }

    /** Connects to {@code uri} (retrying for a few seconds, a broker may be starting) and subscribes at QoS 1. */
    static Subscriber to(String uri, MqttConnectOptions options, String... filters) throws Exception {
        MqttClient client = new MqttClient(uri, "test-" + System.nanoTime(), new MemoryPersistence());
        Subscriber subscriber = new Subscriber(client);
        options.setCleanSession(true);
        for (int attempt = 0; ; attempt++) {
            try {
                client.connect(options);
                break;
            } catch (MqttException e) {
                if (attempt == 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
        for (String filter : filters) {
            client.subscribe(
                    filter,
                    1,
                    (topic, message) -> subscriber.add(new Received(
                            topic, new String(message.getPayload(), StandardCharsets.UTF_8), message.isRetained())));
        }
        return subscriber;
    }

    static Subscriber to(String uri, String... filters) throws Exception {
        return to(uri, new MqttConnectOptions(), filters);
    }

    private synchronized void add(Received message) {
        received.add(message);
        notifyAll();
    }

    synchronized List<Received> messages() {
        return List.copyOf(received);
    }

    /** The messages on {@code topic}, in order. */
    synchronized List<Received> on(String topic) {
        return received.stream().filter(m -> m.topic().equals(topic)).toList();
    }

    /** The last payload per topic. */
    synchronized Map<String, String> latest() {
        Map<String, String> latest = new LinkedHashMap<>();
        for (Received m : received) {
            latest.put(m.topic(), m.payload());
        }
        return latest;
    }

    /** Waits for a message that matches; fails, listing what came, after {@code wait}. */
    synchronized Received await(String what, Predicate<Received> wanted, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            for (Received m : received) {
                if (wanted.test(m)) {
                    return m;
                }
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return fail("no " + what + " within " + wait + "; received:\n" + received);
            }
            wait(left);
        }
    }

    Received await(String topic, String payload, Duration wait) throws InterruptedException {
        return await(
                topic + " = " + payload,
                m -> m.topic().equals(topic) && m.payload().equals(payload),
                wait);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnectForcibly(0, 1000); // at once, even from a broker just killed
        }
        client.close(true);
    }
}
