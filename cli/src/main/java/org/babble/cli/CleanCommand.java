package org.babble.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.babble.core.BabbleException;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.ChannelSelection;
import org.babble.core.audio.DecodedWav;
import org.babble.core.audio.WavReader;
import org.babble.core.audio.WavWriter;
import org.babble.core.clean.CleanSettings;
import org.babble.core.clean.CleanedClip;
import org.babble.core.clean.Cleaner;
import org.babble.core.io.DiskFullException;
import org.babble.core.io.FileNames;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code babble clean}: recordings in, training clips out — the talk's sox/ffmpeg loop (concat, segment, trim, vol,
 * rate) as one command that never touches its inputs, names clips so a split can keep a recording on one side, and
 * uses every core.
 */
@Command(
        name = "clean",
        mixinStandardHelpOptions = true,
        description = {
            "Cut, level and resample recordings into training clips named <source>_nohash_<n>.wav.",
            "Steps, in this order: channels, --concat, --segment, then per piece --trim, --gain, --rate, "
                    + "--duration/--trim length (zero-padding short pieces), --normalize."
        })
public final class CleanCommand implements Callable<Integer> {
    /** A clip in which more than this share of samples clipped gets a warning. */
    private static final double CLIPPED_WARNING = 0.001;
    /** Stem of the clips cut from joined inputs, after the talk's {@code sox crying/**}{@code /*.wav batch.wav}. */
    static final String JOINED_STEM = "batch";

    @Parameters(
            arity = "1..*",
            paramLabel = "INPUT",
            description =
                    "WAV files, folders (searched recursively) or " + "quoted patterns such as 'crying/**/*.wav'.")
    List<String> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the clips.")
    Path out;

    @Option(names = "--label", paramLabel = "NAME", description = "Write into DIR/NAME/ (a class of the data set).")
    String label;

    @Option(
            names = "--channels",
            paramLabel = "mix|keep|left|right|N",
            converter = ChannelsConverter.class,
            defaultValue = "mix",
            description = "Mix down to mono (default), keep all, or pick one channel (from 1).")
    ChannelSelection channels;

    @Option(
            names = "--concat",
            description = "Join all inputs end to end first; clips are named " + JOINED_STEM + "_nohash_<n>.wav.")
    boolean concat;

    @Option(
            names = "--segment",
            paramLabel = "DURATION",
            converter = SecondsConverter.class,
            description = "Cut into consecutive pieces this long (e.g. 10.1s).")
    Double segment;

    @Option(
            names = "--trim",
            paramLabel = "START,LENGTH",
            converter = TrimConverter.class,
            description = "Keep LENGTH from START of each piece (e.g. 0,10s); clips get exactly LENGTH.")
    CleanSettings.Trim trim;

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            converter = SecondsConverter.class,
            description = "Make every clip exactly this long: cut, or zero-pad at the end (counted).")
    Double duration;

    @Option(names = "--drop-short", description = "Drop a piece shorter than its length instead of padding it.")
    boolean dropShort;

    @Option(
            names = "--gain",
            paramLabel = "DB",
            converter = DecibelConverter.class,
            description = "Fixed gain like sox's vol (e.g. 45dB); samples past full scale are clipped and counted.")
    Double gain;

    @Option(
            names = "--normalize",
            paramLabel = "DBFS",
            converter = DecibelConverter.class,
            description = "Scale each clip so its peak is at this level (e.g. -1dBFS); never clips.")
    Double normalize;

    @Option(names = "--rate", paramLabel = "HZ", description = "Resample to this rate (band-limited, like sox's rate).")
    Integer rate;

    @Option(names = "--dry-run", description = "List the clips that would be written; write nothing.")
    boolean dryRun;

    @Option(names = "--jobs", paramLabel = "N", description = "Files processed at once (default: the number of cores).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** What happened to one input (or to the joined inputs). */
    private record FileOutcome(
            String source,
            List<String> written,
            int padded,
            int dropped,
            int clipped,
            long clippedSamples,
            List<String> messages,
            boolean failed) {}

    @Override
    public Integer call() {
        CleanSettings settings = settings();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Path dir = label == null ? out : out.resolve(label);

        InputFiles.Expansion expansion = InputFiles.expand(inputs);
        expansion.problems().forEach(p -> stderr.println("babble: " + p));
        List<Path> files = expansion.files();
        Set<Path> inputSet = new HashSet<>();
        files.forEach(f -> inputSet.add(f.toAbsolutePath().normalize()));

        List<FileOutcome> outcomes = concat
                ? List.of(cleanJoined(files, settings, dir, inputSet))
                : cleanEach(files, settings, dir, inputSet, stderr);
        if (concat) {
            outcomes.forEach(o -> o.messages().forEach(stderr::println));
        }

        int clipsOut = 0;
        int padded = 0;
        int dropped = 0;
        int clipped = 0;
        long clippedSamples = 0;
        int failed = expansion.problems().size();
        for (FileOutcome o : outcomes) {
            clipsOut += o.written().size();
            padded += o.padded();
            dropped += o.dropped();
            clipped += o.clipped();
            clippedSamples += o.clippedSamples();
            failed += o.failed() ? 1 : 0;
            if (dryRun) {
                o.written().forEach(w -> stdout.println("would write " + w));
            }
        }
        int filesIn = files.size() + expansion.problems().size();
        stdout.printf(
                Locale.ROOT,
                "clean: %d file%s in, %d clip%s %s, %d padded, %d dropped, %d clipped (%d samples), " + "%d failed%n",
                filesIn,
                filesIn == 1 ? "" : "s",
                clipsOut,
                clipsOut == 1 ? "" : "s",
                dryRun ? "would be written" : "out",
                padded,
                dropped,
                clipped,
                clippedSamples,
                failed);
        stdout.flush();
        stderr.flush();
        return failed > 0 ? ExitCode.FAILED : ExitCode.OK;
    }

    private CleanSettings settings() {
        if (trim != null && duration != null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--trim and --duration both set the clip length: give one of them");
        }
        if (label != null
                && (label.isBlank()
                        || label.contains("/")
                        || label.contains("\\")
                        || label.equals(".")
                        || label.equals(".."))) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--label must be a plain folder name (no slashes), got '" + label + "'");
        }
        if (jobs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1, got " + jobs);
        }
        try {
            return new CleanSettings(
                    channels,
                    optional(segment),
                    Optional.ofNullable(trim),
                    optional(duration),
                    dropShort,
                    gain == null ? 0 : gain,
                    optional(normalize),
                    rate == null ? OptionalInt.empty() : OptionalInt.of(rate));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--" + e.getMessage());
        }
    }

    private static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    private List<FileOutcome> cleanEach(
            List<Path> files, CleanSettings settings, Path dir, Set<Path> inputSet, PrintWriter stderr) {
        Map<String, Path> stems = new HashMap<>();
        List<FileOutcome> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, files.size())));
        try (Progress progress = Progress.start("clean", files.size(), false)) {
            ExecutorCompletionService<FileOutcome> done = new ExecutorCompletionService<>(pool);
            List<Future<FileOutcome>> futures = new ArrayList<>();
            int submitted = 0;
            for (Path file : files) {
                String stem = FileNames.stem(file);
                Path earlier = stems.putIfAbsent(stem, file);
                if (earlier != null) {
                    FileOutcome clash = failure(
                            file.toString(),
                            "babble: " + file + ": has the same name as " + earlier
                                    + ", so their clips would overwrite each other — rename one or clean them separately");
                    clash.messages().forEach(stderr::println);
                    outcomes.add(clash);
                    progress.step();
                    continue;
                }
                futures.add(done.submit(() -> cleanOne(file, stem, settings, dir, inputSet)));
                submitted++;
            }
            for (int i = 0; i < submitted; i++) {
                FileOutcome outcome = take(done);
                outcome.messages().forEach(stderr::println);
                stderr.flush();
                progress.step();
            }
            for (Future<FileOutcome> future : futures) {
                outcomes.add(take(future));
            }
        } finally {
            pool.shutdownNow();
        }
        return outcomes;
    }

    private FileOutcome cleanOne(Path file, String stem, CleanSettings settings, Path dir, Set<Path> inputSet) {
        try {
            DecodedWav decoded = WavReader.read(file);
            List<String> messages = new ArrayList<>();
            decoded.warnings().forEach(w -> messages.add("babble: warning: " + file + ": " + w));
            Cleaner.Outcome outcome = new Cleaner(settings).clean(decoded.clip());
            return write(file.toString(), stem, outcome, dir, inputSet, messages);
        } catch (RuntimeException | OutOfMemoryError e) {
            return failure(
                    file.toString(), "babble: " + Cli.inputFailure(file, e).getMessage());
        }
    }

    private FileOutcome cleanJoined(List<Path> files, CleanSettings settings, Path dir, Set<Path> inputSet) {
        List<AudioClip> clips = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        int failedReads = 0;
        for (Path file : files) {
            try {
                DecodedWav decoded = WavReader.read(file);
                decoded.warnings().forEach(w -> messages.add("babble: warning: " + file + ": " + w));
                clips.add(decoded.clip());
            } catch (RuntimeException | OutOfMemoryError e) {
                messages.add("babble: " + Cli.inputFailure(file, e).getMessage());
                failedReads++;
            }
        }
        if (clips.isEmpty()) {
            return new FileOutcome(JOINED_STEM, List.of(), 0, 0, 0, 0, messages, true);
        }
        try {
            FileOutcome joined =
                    write(JOINED_STEM, JOINED_STEM, new Cleaner(settings).cleanJoined(clips), dir, inputSet, messages);
            return failedReads > 0
                    ? new FileOutcome(
                            joined.source(),
                            joined.written(),
                            joined.padded(),
                            joined.dropped(),
                            joined.clipped(),
                            joined.clippedSamples(),
                            joined.messages(),
                            true)
                    : joined;
        } catch (BabbleException e) {
            messages.add("babble: joined inputs: " + e.getMessage());
            return new FileOutcome(JOINED_STEM, List.of(), 0, 0, 0, 0, messages, true);
        }
    }

    private FileOutcome write(
            String source, String stem, Cleaner.Outcome outcome, Path dir, Set<Path> inputSet, List<String> messages) {
        List<String> written = new ArrayList<>();
        int padded = 0;
        int clipped = 0;
        long clippedSamples = 0;
        for (CleanedClip clip : outcome.clips()) {
            Path target = dir.resolve(stem + "_nohash_" + clip.index() + ".wav");
            if (inputSet.contains(target.toAbsolutePath().normalize())) {
                messages.add(
                        "babble: " + target + ": is one of the inputs and would be overwritten — choose another --out");
                return new FileOutcome(
                        source, written, padded, outcome.dropped(), clipped, clippedSamples, messages, true);
            }
            if (!dryRun) {
                WavWriter.write(target, clip.clip());
            }
            written.add(target
                    + String.format(
                            Locale.ROOT,
                            " (%.3f s%s)",
                            clip.clip().durationSeconds(),
                            clip.padded() ? ", padded" : ""));
            padded += clip.padded() ? 1 : 0;
            if (clip.clippedSamples() > 0) {
                clipped++;
                clippedSamples += clip.clippedSamples();
            }
            if (clip.clippedFraction() > CLIPPED_WARNING) {
                messages.add(String.format(
                        Locale.ROOT,
                        "babble: warning: %s: %.1f%% of samples clipped (%d) — lower " + "--gain or use --normalize",
                        target,
                        100 * clip.clippedFraction(),
                        clip.clippedSamples()));
            }
        }
        return new FileOutcome(source, written, padded, outcome.dropped(), clipped, clippedSamples, messages, false);
    }

    private static FileOutcome failure(String source, String message) {
        return new FileOutcome(source, List.of(), 0, 0, 0, 0, List.of(message), true);
    }

    private static <T> T take(ExecutorCompletionService<T> done) {
        try {
            return done.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cli.Interrupted("clean: interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DiskFullException full) {
                throw full;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static <T> T take(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cli.Interrupted("clean: interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DiskFullException full) {
                throw full;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
