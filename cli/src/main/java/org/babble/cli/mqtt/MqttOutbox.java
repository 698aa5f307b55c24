package org.babble.cli.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javax.net.SocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The one thread that talks to the broker, so that the monitor never waits for the network. The scoring thread only
 * hands messages over (a few map and queue operations under a lock):
 *
 * <ul>
 *   <li>{@link #send} keeps events in order in a bounded queue; when it is full (a long outage) the oldest is dropped,
 *       so what is left always ends with the newest state;
 *   <li>{@link #update} keeps only the newest value per topic (scores, minutes): those are coalesced and go out at
 *       most about once a second.
 * </ul>
 *
 * The newest value of every retained topic is remembered and published again after each (re)connect, with
 * availability and discovery first. A broker that cannot be reached, at the start or later, is retried with backoff
 * for as long as the monitor runs. The database stays the truth; MQTT is a view of it.
 */
final class MqttOutbox implements AutoCloseable {
    static final int QUEUE_LIMIT = 1000;
    private static final long FIRST_RETRY_MS = 1000;
    private static final long MAX_RETRY_MS = 30_000;
    private static final long UPDATE_EVERY_MS = 1000;
    private static final int QOS = 1;
    private static final AtomicLong CLIENTS = new AtomicLong();

    private final MqttSettings settings;
    private final SocketFactory sockets;
    private final MqttMessage will;
    private final ConcurrentLinkedQueue<String> notes = new ConcurrentLinkedQueue<>();
    private final Object lock = new Object();
    private final ArrayDeque<MqttMessage> events = new ArrayDeque<>();
    private final Map<String, MqttMessage> updates = new LinkedHashMap<>();
    private final Map<String, MqttMessage> retained = new LinkedHashMap<>();
    private final Thread sender;
    /** Counted down after the first connection attempt, won or lost. */
    private final java.util.concurrent.CountDownLatch firstAttempt = new java.util.concurrent.CountDownLatch(1);

    private long dropped;
    private long droppedTotal;
    private boolean closing;
    private volatile MqttClient client;
    private volatile boolean lost;

    /**
     * Starts the sender; {@code first} are retained messages published first on every connect (availability,
     * discovery); {@code will} is what the broker publishes if babble goes away without saying so.
     */
    MqttOutbox(MqttSettings settings, SocketFactory sockets, List<MqttMessage> first, MqttMessage will) {
        this.settings = settings;
        this.sockets = sockets;
        this.will = will;
        for (MqttMessage m : first) {
            retained.put(m.topic(), m);
        }
        this.sender = new Thread(this::run, "babble-mqtt");
        sender.setDaemon(true);
        sender.start();
    }

    /**
     * Waits up to {@code ms} for the first connection attempt, so a reachable broker hears the first state before the
     * monitor's first window; an unreachable one costs the start no more than that.
     */
    void awaitFirstAttempt(long ms) {
        try {
            firstAttempt.await(ms, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Queues a message to go out in order (an episode event, a state change). */
    void send(MqttMessage message) {
        synchronized (lock) {
            if (events.size() >= QUEUE_LIMIT) {
                events.pollFirst();
                dropped++;
                droppedTotal++;
            }
            events.addLast(message);
            remember(message);
            lock.notifyAll();
        }
    }

    /** Sets the newest value of a topic; an older value not yet sent is replaced. */
    void update(MqttMessage message) {
        synchronized (lock) {
            updates.put(message.topic(), message);
            remember(message);
        }
    }

    /** What the sender has to tell the user (broker unreachable, lost, back), taken off so it is told once. */
    List<String> takeNotes() {
        List<String> taken = new ArrayList<>();
        for (String note = notes.poll(); note != null; note = notes.poll()) {
            taken.add(note);
        }
        return taken;
    }

    /**
     * Sends what is queued, publishes {@code last} (availability offline) and disconnects, waiting at most
     * {@code wait}; a broker still unreachable by then is given up on, with a note.
     */
    void close(MqttMessage last, Duration wait) {
        synchronized (lock) {
            events.addLast(last); // not remembered: a first connect after this still says online before it
            closing = true;
            lock.notifyAll();
        }
        try {
            sender.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sender.isAlive()) {
            sender.interrupt();
            int left;
            synchronized (lock) {
                left = events.size() + updates.size();
            }
            notes.add("MQTT broker " + settings.serverUri() + " still unreachable at the end: " + left
                    + " messages not published (the database has everything)");
        }
    }

    @Override
    public void close() {
        close(MqttMessage.retained(will.topic(), will.payload()), Duration.ofSeconds(5));
    }

    private void remember(MqttMessage message) {
        if (message.retained()) {
            retained.put(message.topic(), message);
        }
    }

    private void run() {
        long retryMs = FIRST_RETRY_MS;
        boolean everConnected = false;
        boolean told = false;
        try {
            while (true) {
                if (client == null || lost) {
                    try {
                        try {
                            connect();
                        } finally {
                            firstAttempt.countDown();
                        }
                        if (told) {
                            notes.add("MQTT broker " + settings.serverUri() + " reached again; state published");
                        }
                        everConnected = true;
                        told = false;
                        retryMs = FIRST_RETRY_MS;
                    } catch (MqttException e) {
                        dispose();
                        if (!told) {
                            notes.add(
                                    everConnected
                                            ? "MQTT broker " + settings.serverUri() + " lost (" + reason(e)
                                                    + "); monitoring goes on, reconnecting in the background"
                                            : "cannot reach MQTT broker " + settings.serverUri() + " (" + reason(e)
                                                    + "); monitoring goes on, retrying in the background");
                            told = true;
                        }
                        if (!pause(retryMs)) {
                            return;
                        }
                        retryMs = Math.min(MAX_RETRY_MS, retryMs * 2);
                        continue;
                    }
                }
                try {
                    if (!publishPending()) {
                        return;
                    }
                } catch (MqttException e) {
                    lost = true; // the next turn reconnects and republishes the retained state
                }
            }
        } finally {
            dispose();
        }
    }

    /** Publishes queued events and the newest updates; false once closing and all is out. */
    private boolean publishPending() throws MqttException {
        while (true) {
            MqttMessage next;
            long droppedBefore;
            synchronized (lock) {
                next = events.peekFirst();
                droppedBefore = droppedTotal;
            }
            if (next == null) {
                break;
            }
            publish(next);
            synchronized (lock) {
                if (droppedTotal == droppedBefore) { // else a full queue dropped its head, this one, meanwhile
                    events.pollFirst();
                }
            }
        }
        List<MqttMessage> latest;
        long droppedNow;
        synchronized (lock) {
            latest = new ArrayList<>(updates.values());
            updates.clear();
            droppedNow = dropped;
            dropped = 0;
        }
        if (droppedNow > 0) {
            notes.add(
                    droppedNow + " MQTT messages dropped while the broker was away (queue limit " + QUEUE_LIMIT + ")");
        }
        for (int i = 0; i < latest.size(); i++) {
            try {
                publish(latest.get(i));
            } catch (MqttException e) {
                requeue(latest.subList(i, latest.size()));
                throw e;
            }
        }
        boolean done;
        synchronized (lock) {
            done = closing && events.isEmpty() && updates.isEmpty();
            if (!done && !await(UPDATE_EVERY_MS, () -> !events.isEmpty() || closing || lost)) {
                return false;
            }
        }
        if (done) {
            client.disconnect(1000);
            return false;
        }
        return true;
    }

    private void requeue(List<MqttMessage> unsent) {
        synchronized (lock) {
            for (MqttMessage m : unsent) {
                updates.putIfAbsent(m.topic(), m);
            }
        }
    }

    private void connect() throws MqttException {
        dispose();
        MqttClient fresh = new MqttClient(
                settings.serverUri(),
                "babble-" + ProcessHandle.current().pid() + "-" + CLIENTS.incrementAndGet(),
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(false); // this thread reconnects, so that it can republish the state first
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(30);
        options.setWill(will.topic(), bytes(will.payload()), QOS, true);
        settings.user().ifPresent(options::setUserName);
        settings.password().ifPresent(p -> options.setPassword(p.toCharArray()));
        if (sockets != null) {
            options.setSocketFactory(sockets);
        }
        fresh.setTimeToWait(10_000);
        fresh.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                if (client != fresh) {
                    return; // a client given up on already
                }
                lost = true;
                synchronized (lock) {
                    lock.notifyAll();
                }
            }

            @Override
            public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {}

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {}
        });
        client = fresh;
        lost = false;
        fresh.connect(options);
        List<MqttMessage> state;
        synchronized (lock) {
            state = new ArrayList<>(retained.values());
            for (MqttMessage m : state) {
                updates.remove(m.topic(), m); // published right here
            }
        }
        for (MqttMessage m : state) {
            publish(m);
        }
    }

    private void publish(MqttMessage message) throws MqttException {
        client.publish(message.topic(), bytes(message.payload()), QOS, message.retained());
    }

    /** Waits before the next connection attempt; false when closing (one more attempt is not waited for). */
    private boolean pause(long ms) {
        synchronized (lock) {
            return !closing && await(ms, () -> closing) && !closing;
        }
    }

    /** Waits under the lock until {@code wake} holds or {@code ms} pass; false when interrupted. */
    private boolean await(long ms, BooleanSupplier wake) {
        long deadline = System.nanoTime() + ms * 1_000_000;
        try {
            for (long left = ms; !wake.getAsBoolean() && left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
                lock.wait(left);
            }
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private void dispose() {
        MqttClient old = client;
        client = null;
        if (old != null) {
            try {
                if (old.isConnected()) {
                    old.disconnectForcibly(0, 1000);
                }
                old.close(true);
            } catch (MqttException ignored) {
                // a client that is already broken cannot be closed any further
            }
        }
    }

    private static String reason(MqttException e) {
        Throwable cause = e.getCause();
        String message = e.getMessage();
        if (cause != null && cause.getMessage() != null) {
            message = message + ": " + cause.getMessage();
        }
        return message;
    }

    private static byte[] bytes(String payload) {
        return payload.getBytes(StandardCharsets.UTF_8);
    }
}
