package org.babble.cli.mqtt;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.babble.core.monitor.MonitorListener;
import org.babble.core.recognition.Episode;

/**
 * Hears the monitor and turns what it hears into MQTT messages for {@link MqttOutbox}, on the scoring thread and
 * without waiting for the network: per published label (every label not starting with {@code _}, and {@code --label})
 * its state and score, an event per episode start and end, and today's minutes of {@code --label} episodes. Notes from
 * the sender (broker unreachable, back again) are passed on from here, so they reach the status line on the thread
 * that owns it.
 */
public final class MqttPublisher implements MonitorListener, AutoCloseable {
    private final MqttTopics topics;
    private final List<String> labels;
    private final boolean[] published;
    private final String label;
    private final CryMinutes minutes;
    private final MqttOutbox outbox;
    private final Consumer<String> notes;
    private final Map<String, Instant> openSince = new HashMap<>();

    MqttPublisher(
            MqttTopics topics,
            List<String> labels,
            String label,
            CryMinutes minutes,
            MqttOutbox outbox,
            Consumer<String> notes) {
        this.topics = topics;
        this.labels = List.copyOf(labels);
        this.published = new boolean[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            published[i] = isPublished(labels.get(i), label);
        }
        this.label = label;
        this.minutes = minutes;
        this.outbox = outbox;
        this.notes = notes;
    }

    /** Whether {@code candidate}'s state and episodes are published: the wanted labels and the monitored one. */
    static boolean isPublished(String candidate, String label) {
        return !candidate.startsWith("_") || candidate.equals(label);
    }

    @Override
    public void scores(Instant start, float[] scores) {
        for (int i = 0; i < scores.length; i++) {
            if (published[i]) {
                String l = labels.get(i);
                outbox.update(topics.attributes(l, openSince.get(l), scores[i], start));
            }
        }
        if (minutes.advance(start) || openSince.containsKey(label)) {
            outbox.update(topics.cryMinutes(minutes.minutes(openSince.get(label), start)));
        }
        passOnNotes();
    }

    @Override
    public void episodeStarted(Instant start, Episode episode) {
        if (isPublished(episode.label(), label)) {
            openSince.put(episode.label(), start);
            outbox.send(topics.state(episode.label(), true));
            outbox.send(topics.episode(episode.label(), start, null, episode.peak()));
        }
    }

    @Override
    public void episodeEnded(Instant start, Instant end, Episode episode) {
        String l = episode.label();
        if (!isPublished(l, label)) {
            return;
        }
        if (openSince.remove(l) == null) { // opened and settled in one window: its start was never told
            outbox.send(topics.episode(l, start, null, episode.peak()));
        }
        if (l.equals(label)) {
            minutes.add(start, end);
            outbox.update(topics.cryMinutes(minutes.minutes(null, end)));
        }
        outbox.send(topics.episode(l, start, end, episode.peak()));
        outbox.send(topics.state(l, false));
    }

    /** Publishes what is left and {@code offline}, waiting a few seconds at most for the broker. */
    @Override
    public void close() {
        outbox.close();
        passOnNotes();
    }

    private void passOnNotes() {
        for (String note : outbox.takeNotes()) {
            notes.accept(note);
        }
    }
}
