package org.babble.cli.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.babble.core.BabbleVersion;

/**
 * Every topic and payload babble publishes, in one place so the docs, the publisher and the tests agree. Under the base
 * topic {@code T}:
 *
 * <ul>
 *   <li>{@code T/availability}: {@code online} or {@code offline}, retained (also the broker's last will);
 *   <li>{@code T/<label>/state}: {@code ON} while an episode of the label is open, else {@code OFF}, retained;
 *   <li>{@code T/<label>/attributes}: JSON with the latest window's score, retained;
 *   <li>{@code T/episode}: JSON per episode start and end, not retained;
 *   <li>{@code T/cry_minutes_today}: minutes of {@code --label} episodes since local midnight, retained.
 * </ul>
 *
 * Times are ISO-8601 with the local offset, to the millisecond.
 */
final class MqttTopics {
    static final String ONLINE = "online";
    static final String OFFLINE = "offline";
    static final String ON = "ON";
    static final String OFF = "OFF";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final String base;
    private final ZoneId zone;

    MqttTopics(String base, ZoneId zone) {
        this.base = base;
        this.zone = zone;
    }

    /** A label as one topic level: letters, digits, - and _ kept, anything else (/, +, #, spaces) as _. */
    static String level(String label) {
        return label.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    String availability() {
        return base + "/availability";
    }

    String state(String label) {
        return base + "/" + level(label) + "/state";
    }

    String attributes(String label) {
        return base + "/" + level(label) + "/attributes";
    }

    String episodes() {
        return base + "/episode";
    }

    String cryMinutes() {
        return base + "/cry_minutes_today";
    }

    MqttMessage availability(boolean online) {
        return MqttMessage.retained(availability(), online ? ONLINE : OFFLINE);
    }

    MqttMessage state(String label, boolean on) {
        return MqttMessage.retained(state(label), on ? ON : OFF);
    }

    /** {@code {"label":"crying","state":"ON","score":0.931,"time":"…","since":"…"}}; since is null when OFF. */
    MqttMessage attributes(String label, Instant since, float score, Instant time) {
        ObjectNode node = JSON.createObjectNode();
        node.put("label", label);
        node.put("state", since != null ? ON : OFF);
        node.put("score", Math.round(score * 1000) / 1000.0);
        node.put("time", time(time));
        node.put("since", since == null ? null : time(since));
        return MqttMessage.retained(attributes(label), node.toString());
    }

    /** {@code {"event":"start"|"end","label":…,"start":…,"end":…,"peak":…}}; end is null in a start event. */
    MqttMessage episode(String label, Instant start, Instant end, double peak) {
        ObjectNode node = JSON.createObjectNode();
        node.put("event", end == null ? "start" : "end");
        node.put("label", label);
        node.put("start", time(start));
        node.put("end", end == null ? null : time(end));
        node.put("peak", peak);
        return MqttMessage.event(episodes(), node.toString());
    }

    MqttMessage cryMinutes(double minutes) {
        return MqttMessage.retained(cryMinutes(), String.format(Locale.ROOT, "%.1f", minutes));
    }

    /**
     * Home Assistant MQTT discovery configs ({@code <prefix>/<component>/<node>/<object>/config}, retained): a
     * {@code binary_sensor} "Baby crying" on {@code label}'s state and a {@code sensor} "Cry minutes today", both tied
     * to the availability topic and to one device named after the base topic.
     */
    List<MqttMessage> discovery(String prefix, String label) {
        String node = level(base.replace('/', '_'));
        ObjectNode device = JSON.createObjectNode();
        device.putArray("identifiers").add(node);
        device.put("name", base.replace('/', ' '));
        device.put("manufacturer", "babble");
        device.put("model", "babble monitor");
        device.put("sw_version", BabbleVersion.get());

        ObjectNode crying = entity("Baby crying", node + "_" + level(label), device);
        crying.put("state_topic", state(label));
        crying.put("payload_on", ON);
        crying.put("payload_off", OFF);
        crying.put("device_class", "sound");
        crying.put("json_attributes_topic", attributes(label));

        ObjectNode minutes = entity("Cry minutes today", node + "_cry_minutes_today", device);
        minutes.put("state_topic", cryMinutes());
        minutes.put("unit_of_measurement", "min");
        minutes.put("state_class", "total_increasing"); // back to 0 at midnight: a new count, not a drop
        minutes.put("icon", "mdi:emoticon-cry-outline");

        List<MqttMessage> configs = new ArrayList<>();
        configs.add(MqttMessage.retained(
                prefix + "/binary_sensor/" + node + "/" + level(label) + "/config", crying.toString()));
        configs.add(MqttMessage.retained(prefix + "/sensor/" + node + "/cry_minutes_today/config", minutes.toString()));
        return configs;
    }

    private ObjectNode entity(String name, String uniqueId, ObjectNode device) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", name);
        node.put("unique_id", uniqueId);
        node.put("availability_topic", availability());
        node.put("payload_available", ONLINE);
        node.put("payload_not_available", OFFLINE);
        node.set("device", device);
        return node;
    }

    private String time(Instant instant) {
        return TIME.format(OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), zone));
    }
}
