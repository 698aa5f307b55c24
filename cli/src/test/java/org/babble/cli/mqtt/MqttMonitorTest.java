package org.babble.cli.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.babble.cli.CliRun;
import org.babble.cli.ExitCode;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavWriter;
import org.babble.core.features.FeatureLayout;
import org.babble.core.frozen.FrozenModelWriter;
import org.babble.core.monitor.store.EpisodeRow;
import org.babble.core.monitor.store.MonitorDatabase;
import org.babble.testing.Signals;
import org.babble.testing.TinyModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code babble monitor --mqtt} against a real Mosquitto: what a subscriber (Home Assistant) receives agrees with the
 * database, a broker that is down or goes away never stops the monitor, and the state is back after a reconnect. The
 * night is the tone night of MonitorCommandTest: a low tone from 8 to 18 s and a high one from 26 to 31 s.
 */
class MqttMonitorTest {
    private static final int RATE = TinyModels.SAMPLE_RATE;
    private static final String START = "2026-11-20T21:00:00";
    private static final Instant ORIGIN =
            LocalDateTime.parse(START).atZone(ZoneId.systemDefault()).toInstant();
    private static final String TOPIC = "babble/nursery";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static String model;
    static String night;
    static String shortNight;

    @BeforeAll
    static void writeModelAndNights() {
        Path file = dir.resolve("model.babble");
        FrozenModelWriter.write(file, TinyModels.tones(), TinyModels.metadata(TinyModels.LABELS, FeatureLayout.FLAT));
        model = file.toString();
        night = wav("night.wav", 40, new int[][] {{8, 18, 0}, {26, 31, 1}});
        shortNight = wav("short.wav", 14, new int[][] {{9, 12, 0}});
    }

    /** Noise with tones: each row is from-second, to-second, 0 for low or 1 for high. */
    private static String wav(String name, int seconds, int[][] tones) {
        float[] samples = Signals.noise(0.003, 3, seconds * RATE);
        for (int[] tone : tones) {
            float[] sine =
                    Signals.sine(tone[2] == 0 ? TinyModels.LOW_HZ : TinyModels.HIGH_HZ, 0.3, RATE, seconds * RATE);
            for (int i = tone[0] * RATE; i < tone[1] * RATE; i++) {
                samples[i] += sine[i];
            }
        }
        Path wav = dir.resolve(name);
        WavWriter.write(wav, AudioClip.mono(RATE, samples));
        return wav.toString();
    }

    private static CliRun monitor(String wav, String speed, Path db, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "monitor",
                "--model",
                model,
                "--from",
                wav,
                "--speed",
                speed,
                "--start-time",
                START,
                "--db",
                db.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void everyMessageAgreesWithTheDatabaseAndHomeAssistantFindsTheSensors() throws Exception {
        Path db = dir.resolve("published.db");
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
                Subscriber ha = Subscriber.to(broker.uri(), TOPIC + "/#", "homeassistant/#")) {
            CliRun run = monitor(night, "max", db, "--mqtt", broker.uri(), "--mqtt-topic", TOPIC, "--mqtt-discovery")
                    .expectExit(ExitCode.OK);
            assertFalse(run.err().contains("MQTT"), "a reachable broker is not worth a line: " + run.err());
            ha.await(TOPIC + "/availability", "offline", WAIT);

            List<String> availability = ha.on(TOPIC + "/availability").stream()
                    .map(Subscriber.Received::payload)
                    .toList();
            assertEquals(
                    List.of("online", "offline"), availability, "online while it runs, offline after a clean stop");

            List<EpisodeRow> stored;
            try (MonitorDatabase database = MonitorDatabase.openForReading(db)) {
                stored = database.episodes(ORIGIN, ORIGIN.plusSeconds(40)).stream()
                        .filter(e -> !e.label().startsWith("_"))
                        .toList();
            }
            assertEquals(
                    List.of("low", "high"),
                    stored.stream().map(EpisodeRow::label).toList(),
                    stored::toString);
            List<JsonNode> events = new ArrayList<>();
            for (Subscriber.Received m : ha.on(TOPIC + "/episode")) {
                assertFalse(m.retained(), "episode events are events, not state");
                events.add(JSON.readTree(m.payload()));
            }
            assertEquals(
                    2 * stored.size(), events.size(), "a start and an end per episode, _silence_ left out: " + events);
            for (int i = 0; i < stored.size(); i++) {
                EpisodeRow e = stored.get(i);
                JsonNode start = events.get(2 * i);
                JsonNode end = events.get(2 * i + 1);
                assertEquals("start", start.get("event").asText(), start::toString);
                assertEquals(e.label(), start.get("label").asText(), start::toString);
                assertEquals(e.start(), instant(start.get("start")), start::toString);
                assertTrue(start.get("end").isNull(), start::toString);
                assertEquals("end", end.get("event").asText(), end::toString);
                assertEquals(e.label(), end.get("label").asText(), end::toString);
                assertEquals(e.start(), instant(end.get("start")), end::toString);
                assertEquals(e.end().orElseThrow(), instant(end.get("end")), end::toString);
                assertEquals(e.peakScore(), end.get("peak").asDouble(), 1e-6, end::toString);
            }

            for (String label : List.of("low", "high")) {
                List<String> states = ha.on(TOPIC + "/" + label + "/state").stream()
                        .map(Subscriber.Received::payload)
                        .toList();
                assertEquals(List.of("OFF", "ON", "OFF"), states, "state of " + label);
                JsonNode attributes = JSON.readTree(ha.latest().get(TOPIC + "/" + label + "/attributes"));
                assertEquals(label, attributes.get("label").asText());
                assertEquals("OFF", attributes.get("state").asText());
                double score = attributes.get("score").asDouble();
                assertTrue(score >= 0 && score <= 1, attributes::toString);
                assertTrue(instant(attributes.get("time")).isAfter(ORIGIN.plusSeconds(35)), attributes::toString);
            }
            assertTrue(ha.messages().stream().noneMatch(m -> m.topic().contains("_silence_")), "_ labels stay quiet");

            EpisodeRow low = stored.get(0);
            double lowMinutes =
                    (low.end().orElseThrow().toEpochMilli() - low.start().toEpochMilli()) / 60_000.0;
            assertEquals(
                    String.format(Locale.ROOT, "%.1f", lowMinutes),
                    ha.latest().get(TOPIC + "/cry_minutes_today"),
                    "minutes of --label (low) episodes today");

            JsonNode crying = JSON.readTree(ha.latest().get("homeassistant/binary_sensor/babble_nursery/low/config"));
            assertEquals("Baby crying", crying.get("name").asText());
            assertEquals("sound", crying.get("device_class").asText());
            assertEquals(TOPIC + "/low/state", crying.get("state_topic").asText());
            assertEquals("ON", crying.get("payload_on").asText());
            assertEquals("OFF", crying.get("payload_off").asText());
            assertEquals(
                    TOPIC + "/low/attributes",
                    crying.get("json_attributes_topic").asText());
            assertEquals("babble_nursery_low", crying.get("unique_id").asText());
            JsonNode minutes =
                    JSON.readTree(ha.latest().get("homeassistant/sensor/babble_nursery/cry_minutes_today/config"));
            assertEquals("Cry minutes today", minutes.get("name").asText());
            assertEquals("min", minutes.get("unit_of_measurement").asText());
            assertEquals(
                    TOPIC + "/cry_minutes_today", minutes.get("state_topic").asText());
            for (JsonNode config : List.of(crying, minutes)) {
                assertEquals(
                        TOPIC + "/availability",
                        config.get("availability_topic").asText(),
                        config::toString);
                assertEquals("online", config.get("payload_available").asText());
                assertEquals("offline", config.get("payload_not_available").asText());
                assertEquals(
                        "babble_nursery",
                        config.get("device").get("identifiers").get(0).asText());
            }
            assertEquals(crying.get("device"), minutes.get("device"), "one device holds both");

            try (Subscriber later = Subscriber.to(broker.uri(), TOPIC + "/#", "homeassistant/#")) {
                later.await(TOPIC + "/cry_minutes_today", ha.latest().get(TOPIC + "/cry_minutes_today"), WAIT);
                later.await(TOPIC + "/availability", "offline", WAIT);
                later.await(TOPIC + "/low/state", "OFF", WAIT);
                // retained messages follow each filter's SUBACK, so the second filter's may come after the first's
                later.await(
                        "discovery config",
                        m -> m.topic().equals("homeassistant/binary_sensor/babble_nursery/low/config"),
                        WAIT);
                assertEquals(
                        List.of(),
                        later.messages().stream().filter(m -> !m.retained()).toList(),
                        "retained for late comers");
                assertFalse(later.latest().containsKey(TOPIC + "/episode"), "events are not retained");
            }
        }
    }

    private static Instant instant(JsonNode time) {
        return OffsetDateTime.parse(time.asText()).toInstant();
    }

    @Test
    void aBrokerThatIsDownAtTheStartIsOneWarningAndTheMonitorRecordsAsWithout() throws Exception {
        int nobody = Mosquitto.freePort();
        Path db = dir.resolve("unreachable.db");
        CliRun run =
                monitor(night, "max", db, "--mqtt", "tcp://127.0.0.1:" + nobody).expectExit(ExitCode.OK);
        assertTrue(run.out().contains("79 windows"), run.out());
        List<String> warnings =
                run.err().lines().filter(l -> l.contains("MQTT")).toList();
        assertEquals(1, warnings.size(), run.err());
        assertTrue(
                warnings.get(0).startsWith("babble: cannot reach MQTT broker tcp://127.0.0.1:" + nobody),
                warnings.get(0));
        assertTrue(warnings.get(0).contains("monitoring goes on"), warnings.get(0));
        try (MonitorDatabase database = MonitorDatabase.openForReading(db)) {
            assertEquals(79, database.windowCount());
        }
    }

    @Test
    void aBrokerKilledMidRunIsReconnectedAndGetsTheStateAgainWhileWindowsKeepBeingWritten() throws Exception {
        Path db = dir.resolve("reconnect.db");
        try (Mosquitto broker = Mosquitto.start(dir.resolve("crashing"))) {
            CompletableFuture<CliRun> running;
            try (Subscriber before = Subscriber.to(broker.uri(), TOPIC + "/#")) {
                running = CompletableFuture.supplyAsync(
                        () -> monitor(shortNight, "1", db, "--mqtt", broker.uri(), "--mqtt-topic", TOPIC));
                before.await("a score", m -> m.topic().equals(TOPIC + "/low/attributes"), WAIT);
                before.await(TOPIC + "/availability", "online", WAIT);
                broker.kill();
            }
            Instant killed = Instant.now();
            Thread.sleep(1500);
            broker.restart();
            try (Subscriber after = Subscriber.to(broker.uri(), TOPIC + "/#")) {
                after.await(TOPIC + "/availability", "online", WAIT);
                after.await(TOPIC + "/low/state", "OFF", WAIT);
                after.await("cry minutes", m -> m.topic().equals(TOPIC + "/cry_minutes_today"), WAIT);
                assertTrue(
                        Duration.between(killed, Instant.now()).toSeconds() < 9,
                        "back within the first retries, not after the run");
                CliRun run = running.get(60, TimeUnit.SECONDS).expectExit(ExitCode.OK);
                assertTrue(run.out().contains("end of input: 00:00:14.0 of audio"), run.out());
                assertTrue(run.out().contains("27 windows"), "not one window lost to the outage: " + run.out());
                assertTrue(run.err().contains("babble: MQTT broker " + broker.uri() + " lost"), run.err());
                assertTrue(run.err().contains("reached again"), run.err());
                after.await(TOPIC + "/availability", "offline", WAIT);
                List<String> states = after.on(TOPIC + "/low/state").stream()
                        .map(Subscriber.Received::payload)
                        .toList();
                assertEquals("OFF", states.get(states.size() - 1), states::toString);
                assertTrue(states.contains("ON"), "the tone at 9 s came after the reconnect: " + states);
                assertEquals(2, after.on(TOPIC + "/episode").size(), after.messages()::toString);
            }
            try (MonitorDatabase database = MonitorDatabase.openForReading(db)) {
                assertEquals(27, database.windowCount());
            }
        }
    }
}
