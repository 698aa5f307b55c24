package org.babble.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.babble.cli.mqtt.MqttMixin;
import org.babble.cli.mqtt.MqttPublisher;
import org.babble.core.capture.AudioSource;
import org.babble.core.capture.DeviceSource;
import org.babble.core.capture.FileReplaySource;
import org.babble.core.capture.ReplaySpeed;
import org.babble.core.frozen.FrozenModel;
import org.babble.core.frozen.FrozenModelReader;
import org.babble.core.inference.Classifier;
import org.babble.core.monitor.Monitor;
import org.babble.core.monitor.MonitorListener;
import org.babble.core.monitor.MonitorSettings;
import org.babble.core.monitor.SourceOpener;
import org.babble.core.monitor.UnendingSource;
import org.babble.core.monitor.WindowScorer;
import org.babble.core.monitor.store.MonitorDatabase;
import org.babble.core.monitor.store.RunInfo;
import org.babble.core.recognition.RecognitionSettings;
import org.babble.dataset.index.Labels;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code babble monitor}: the talk's "Misery Meter" as one long-running command. Loads a frozen model, listens to a
 * device (or replays a file), and hands windows, episodes and hooks to the core {@link Monitor}, which writes them to
 * the database {@code babble report} reads. Ctrl-C or SIGTERM stop it cleanly: the open episode and the run are closed.
 */
@Command(
        name = "monitor",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Listen continuously, classify a window every --hop, smooth into episodes as classify does,",
            "and record every window and episode in a SQLite database for babble report."
        })
public final class MonitorCommand implements Callable<Integer> {
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    @Mixin
    ModelMixin modelOption;

    @Option(
            names = "--device",
            paramLabel = "NAME|INDEX",
            description =
                    "Capture device: an index or part of a name from babble record --list-devices (default: the first).")
    String device;

    @Option(names = "--rate", description = "Device sample rate in Hz (default: the model's).")
    Integer rate;

    @Option(names = "--channels", description = "Device channels (default: 1).")
    Integer channels;

    @Option(names = "--from", paramLabel = "FILE", description = "Replay this WAV instead of listening to a device.")
    Path from;

    @Option(
            names = "--speed",
            defaultValue = "1",
            paramLabel = "1|max",
            converter = ReplayConverters.Speed.class,
            description = "Replay speed for --from: 1 (real time) or max (default: ${DEFAULT-VALUE}).")
    ReplaySpeed speed;

    @Option(
            names = "--loop",
            defaultValue = "1",
            paramLabel = "N",
            description = "Replay --from N times back to back, time running on (default: ${DEFAULT-VALUE}).")
    int loops;

    @Option(
            names = "--start-time",
            paramLabel = "TIME",
            converter = ReplayConverters.StartTime.class,
            description = "Wall-clock time of the first frame of --from, e.g. 2026-11-20T21:00:00 (default: now).")
    LocalDateTime startTime;

    @Option(
            names = "--db",
            defaultValue = "babble.db",
            paramLabel = "FILE",
            description = "Database to write (created if missing; default: ${DEFAULT-VALUE}).")
    Path db;

    @Option(
            names = "--hop",
            paramLabel = "SECONDS",
            description = "Distance between windows (default: the model's calibration, else half a clip).")
    Double hopSeconds;

    @Option(
            names = "--label",
            paramLabel = "LABEL",
            description = "Episodes of this label fire --on-detect (default: the first label not starting with _).")
    String label;

    @Option(
            names = "--on-detect",
            paramLabel = "CMD",
            description = "Run CMD (sh -c) when an episode of --label starts; BABBLE_LABEL, BABBLE_SCORE, BABBLE_START"
                    + " are in its environment.")
    String onDetect;

    @Option(
            names = "--on-detect-every",
            defaultValue = "5m",
            converter = DurationConverter.class,
            paramLabel = "TIME",
            description = "Run --on-detect at most once per TIME of audio (default: ${DEFAULT-VALUE}).")
    Duration onDetectEvery;

    @Option(
            names = "--keep-audio",
            paramLabel = "DIR",
            description = "Save each episode's audio as DIR/<label>/<start>_nohash_<n>.wav, ready for training.")
    Path keepAudio;

    @Mixin
    SmoothingMixin smoothingFlags;

    @Mixin
    MqttMixin mqtt;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    @SuppressWarnings("try") // the database is closed early on purpose: before the summary, before the hook exits
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        checkUsage();
        Path modelFile = modelOption.resolve();
        FrozenModel model = FrozenModelReader.read(modelFile);
        WindowScorer scorer = WindowScorer.of(new Classifier(model));
        MonitorSettings settings = settings(model);
        MonitorStatus status = new MonitorStatus(out, err, Terminal.attached());
        Monitor.Summary summary = null;
        long began = System.nanoTime();
        try (MonitorDatabase database = MonitorDatabase.openForWriting(db)) {
            AudioSource first = open(model.metadata().featureSettings().sampleRate());
            err.printf(
                    Locale.ROOT,
                    "monitoring %s with %s (%s) into %s%n",
                    first.describe(),
                    modelFile.getFileName(),
                    String.join(", ", scorer.labels()),
                    db);
            err.flush();
            RunInfo info = new RunInfo(
                    modelFile.toString(), scorer.labels(), first.describe(), settingsJson(settings), settings.origin());
            Optional<MqttPublisher> published =
                    mqtt.start(scorer.labels(), settings.label(), database, settings.origin(), status::note);
            MonitorListener listener = published
                    .<MonitorListener>map(p -> MonitorListener.both(status, p))
                    .orElse(status);
            Monitor monitor = new Monitor(scorer, settings, database.startRun(info), listener);
            StopOnSignal stop = StopOnSignal.install("babble-monitor-stop", monitor::stop, STOP_WAIT);
            try {
                summary = monitor.run(reopening(first));
            } finally {
                published.ifPresent(
                        MqttPublisher::close); // availability offline, what is queued, a few seconds at most
                status.clear();
                database.close();
                if (summary != null) { // before the shutdown hook lets the JVM exit
                    status.printSummary(summary, (System.nanoTime() - began) / 1e9);
                }
                stop.close();
            }
        }
        return ExitCode.OK;
    }

    /** Hands out the source opened at the start, then fresh ones (a device that went away and came back). */
    private SourceOpener reopening(AudioSource first) {
        int sampleRate = first.format().sampleRate();
        AudioSource[] ready = {first};
        return () -> {
            AudioSource source = ready[0] != null ? ready[0] : open(sampleRate);
            ready[0] = null;
            return source;
        };
    }

    private void checkUsage() {
        if (from != null && (device != null || rate != null || channels != null)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--from replays a file: leave out --device, --rate and --channels");
        }
        if (from == null && (loops != 1 || startTime != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--loop and --start-time need --from");
        }
        if (loops < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--loop must be at least 1, got " + loops);
        }
        if ((rate != null && rate <= 0) || (channels != null && channels <= 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rate and --channels must be positive");
        }
        mqtt.settings(); // its usage errors before the model loads
    }

    private MonitorSettings settings(FrozenModel model) {
        List<String> labels = model.labels();
        String wanted = label != null
                ? label
                : Labels.wanted(labels).stream().findFirst().orElse(labels.get(0));
        if (!labels.contains(wanted)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--label " + wanted + ": the model has no such label (labels: " + String.join(", ", labels) + ")");
        }
        try {
            SmoothingMixin.Plan plan = smoothingFlags.plan(model.metadata(), hopSeconds);
            return new MonitorSettings(
                    plan.hopMs(),
                    plan.smoothing(),
                    wanted,
                    Optional.ofNullable(onDetect),
                    onDetectEvery.toMillis(),
                    Optional.ofNullable(keepAudio),
                    origin());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Instant origin() {
        return startTime == null
                ? Instant.now()
                : startTime.atZone(ZoneId.systemDefault()).toInstant();
    }

    /** The file replay or the device; a device that cannot be opened at the start is an error, not a retry. */
    private AudioSource open(int modelRate) {
        if (from != null) {
            return new FileReplaySource(from, speed, loops);
        }
        return new UnendingSource(
                DeviceSource.open(device, rate != null ? rate : modelRate, channels != null ? channels : 1));
    }

    private static String settingsJson(MonitorSettings settings) {
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("hop_ms", settings.hopMs());
        RecognitionSettings r = settings.recognition();
        node.put("average_window_ms", r.averageWindowMs());
        node.put("detection_threshold", r.detectionThreshold());
        node.put("suppression_ms", r.suppressionMs());
        node.put("minimum_count", r.minimumCount());
        node.put("label", settings.label());
        settings.onDetect().ifPresent(cmd -> node.put("on_detect", cmd));
        settings.keepAudio().ifPresent(dir -> node.put("keep_audio", dir.toString()));
        return node.toString();
    }
}
