package org.babble.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.babble.core.capture.AudioSource;
import org.babble.core.capture.CaptureDevice;
import org.babble.core.capture.CaptureDevices;
import org.babble.core.capture.ChunkRecorder;
import org.babble.core.capture.DeviceSource;
import org.babble.core.capture.FileReplaySource;
import org.babble.core.capture.RecordListener;
import org.babble.core.capture.RecordSettings;
import org.babble.core.capture.RecordSummary;
import org.babble.core.capture.ReplaySpeed;
import org.babble.core.capture.Retention;
import org.babble.core.meter.Level;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code babble record}: a microphone (or a WAV replayed as one) into gapless, time-named WAV chunks. */
@Command(
        name = "record",
        mixinStandardHelpOptions = true,
        description = {
            "Record from a microphone into consecutive WAV chunks named by start time, without gaps.",
            "Ctrl-C writes what is recorded of the current chunk and stops.",
            "--from FILE replays a WAV as if it were the microphone (rehearsals, tests)."
        })
public final class RecordCommand implements Callable<Integer> {
    static final int DEFAULT_RATE = 22050;
    static final int DEFAULT_CHANNELS = 1;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the chunks (created if missing).")
    Path out;

    @Option(
            names = "--chunk",
            defaultValue = "30s",
            converter = DurationConverter.class,
            description = "Length of each chunk (default: ${DEFAULT-VALUE}).")
    Duration chunk;

    @Option(
            names = "--duration",
            converter = DurationConverter.class,
            description = "Stop after this much audio, e.g. 8h (default: until Ctrl-C or the --from file ends).")
    Duration duration;

    @Option(names = "--count", description = "Stop after N chunks.")
    Integer count;

    @Option(
            names = "--rate",
            description = "Sample rate in Hz (default: " + DEFAULT_RATE + "; --from keeps the file's).")
    Integer rate;

    @Option(
            names = "--channels",
            description = "Channels (default: " + DEFAULT_CHANNELS + "; --from keeps the file's).")
    Integer channels;

    @Option(
            names = "--device",
            paramLabel = "NAME|INDEX",
            description = "Capture device: an index or part of a name from --list-devices (default: the first).")
    String device;

    @Option(names = "--list-devices", description = "List capture devices and the formats they support, then exit.")
    boolean listDevices;

    @Option(
            names = "--keep",
            paramLabel = "N",
            description = "Keep only the newest N chunks in --out (older ones are deleted).")
    Integer keep;

    @Option(
            names = "--keep-days",
            paramLabel = "N",
            description = "Delete chunks in --out that started more than N days ago.")
    Integer keepDays;

    @Option(names = "--from", paramLabel = "FILE", description = "Replay this WAV instead of recording a device.")
    Path from;

    @Option(
            names = "--speed",
            defaultValue = "1",
            paramLabel = "1|max",
            converter = ReplayConverters.Speed.class,
            description = "Replay speed for --from: 1 (real time) or max (default: ${DEFAULT-VALUE}).")
    ReplaySpeed speed;

    @Option(
            names = "--start-time",
            paramLabel = "TIME",
            converter = ReplayConverters.StartTime.class,
            description =
                    "Wall-clock time of the first frame, for chunk names, e.g. 2026-11-21T03:58:24 (default: now).")
    LocalDateTime startTime;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    @SuppressWarnings("try") // the signal handler is the resource: it acts while installed, nothing reads it
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (listDevices) {
            return listDevices(stdout);
        }
        RecordSettings settings = settings();
        try (AudioSource source = openSource(stderr)) {
            stderr.printf(
                    "recording %s: %s, into %s in %s chunks%n", source.describe(), describe(source), out, human(chunk));
            stderr.flush();
            LevelLine meter =
                    new LevelLine(stderr, Terminal.attached(), source.format().sampleRate());
            ChunkRecorder recorder = new ChunkRecorder(source, settings, new Reporter(stdout, stderr, meter));
            RecordSummary summary;
            try (StopOnSignal stop =
                    StopOnSignal.install("babble-record-stop", recorder::requestStop, Duration.ofSeconds(10))) {
                summary = recorder.record();
            } finally {
                meter.clear();
            }
            report(summary, source.format().sampleRate(), stderr);
            return ExitCode.OK;
        }
    }

    private RecordSettings settings() {
        if (out == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--out=DIR'");
        }
        try {
            Retention retention = new Retention(keep, keepDays == null ? null : Duration.ofDays(keepDays));
            return new RecordSettings(out, chunk, duration, count, start(), retention);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private LocalDateTime start() {
        return startTime != null ? startTime : LocalDateTime.now(ZoneId.systemDefault());
    }

    private AudioSource openSource(PrintWriter stderr) {
        if (from != null) {
            if (rate != null || channels != null || device != null) {
                stderr.println(
                        "babble: --rate, --channels and --device are ignored with --from (the file's format is kept)");
            }
            return new FileReplaySource(from, speed);
        }
        int r = rate == null ? DEFAULT_RATE : rate;
        int c = channels == null ? DEFAULT_CHANNELS : channels;
        if (r <= 0 || c <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rate and --channels must be positive");
        }
        return DeviceSource.open(device, r, c);
    }

    private int listDevices(PrintWriter stdout) {
        List<CaptureDevice> devices = CaptureDevices.list();
        if (devices.isEmpty()) {
            CaptureDevices.find(null); // throws the "no capture device found (found: ...)" failure
        }
        for (CaptureDevice d : devices) {
            stdout.printf("%d: %s — %s%n", d.index(), d.name(), d.description());
            for (String format : d.formats()) {
                stdout.println("     " + format);
            }
        }
        return ExitCode.OK;
    }

    private void report(RecordSummary summary, int sampleRate, PrintWriter stderr) {
        stderr.printf(
                Locale.ROOT,
                "%s %d chunk(s), %s of audio in %s%n",
                summary.stopped() ? "stopped: wrote" : "wrote",
                summary.chunks().size(),
                human(Duration.ofNanos(Math.round(summary.frames() * 1e9 / sampleRate))),
                out);
        if (summary.lostFrames() > 0) {
            stderr.printf(
                    Locale.ROOT,
                    "babble: warning: the device dropped %d frames (%.2f s) because they were not read"
                            + " in time; close other programs or use a faster disk%n",
                    summary.lostFrames(),
                    summary.lostFrames() / (double) sampleRate);
        }
    }

    private static String describe(AudioSource source) {
        var f = source.format();
        return f.sampleRate() + " Hz, " + f.channels() + " ch, "
                + f.depth().name().toLowerCase(Locale.ROOT);
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0) {
            return String.format(Locale.ROOT, "%.3fs", ms / 1000.0);
        }
        long s = ms / 1000;
        return s >= 3600
                ? String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }

    /** Chunk paths on stdout (results), everything else on stderr. */
    private record Reporter(PrintWriter stdout, PrintWriter stderr, LevelLine meter) implements RecordListener {
        @Override
        public void block(Level level, long recordedFrames) {
            meter.show(level, recordedFrames);
        }

        @Override
        public void chunkWritten(Path file, int frames, Level level) {
            meter.clear();
            stdout.println(file);
            stdout.flush();
        }

        @Override
        public void framesLost(long frames) {
            meter.clear();
            stderr.println("babble: overrun: the device dropped " + frames + " frames (not read in time)");
            stderr.flush();
        }

        @Override
        public void chunkRemoved(Path file) {
            meter.clear();
            stderr.println("removed old chunk " + file);
            stderr.flush();
        }
    }

    /** The live level meter: one line on stderr redrawn at most ten times a second, only on a terminal. */
    static final class LevelLine {
        private static final int BAR = 30;
        private final PrintWriter err;
        private final boolean live;
        private final int sampleRate;
        private long lastDraw;
        private boolean drawn;

        LevelLine(PrintWriter err, boolean live, int sampleRate) {
            this.err = err;
            this.live = live;
            this.sampleRate = sampleRate;
        }

        void show(Level level, long frames) {
            long now = System.nanoTime();
            if (!live || now - lastDraw < 100_000_000L) {
                return;
            }
            lastDraw = now;
            err.print("\r" + render(level, frames / sampleRate));
            err.flush();
            drawn = true;
        }

        static String render(Level level, long seconds) {
            double rms = Double.isInfinite(level.rmsDb()) ? -90 : level.rmsDb();
            int filled = (int) Math.round(Math.max(0, Math.min(1, (rms + 60) / 60)) * BAR);
            return String.format(
                    Locale.ROOT,
                    "%02d:%02d:%02d  [%s%s]  %s ",
                    seconds / 3600,
                    seconds / 60 % 60,
                    seconds % 60,
                    "#".repeat(filled),
                    "-".repeat(BAR - filled),
                    level.describe());
        }

        void clear() {
            if (drawn) {
                err.print("\r" + " ".repeat(100) + "\r");
                err.flush();
                drawn = false;
            }
        }
    }
}
