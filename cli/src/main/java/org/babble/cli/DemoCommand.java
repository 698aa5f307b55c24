package org.babble.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.babble.core.BabbleException;
import org.babble.core.audio.WavReader;
import org.babble.dataset.demo.DemoRecordings;
import org.babble.dataset.demo.DemoRecordings.Section;
import org.babble.dataset.demo.DemoSounds;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The README's first command: the whole pipeline (clean → stats → train → freeze → classify) on sounds babble makes
 * itself, so a new user sees every step work on a fresh machine with no data and no network. Each step runs the real
 * subcommand, printed as the command line a user would type.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Run the whole pipeline on generated sounds (a baby crying, household noise, an empty room):",
            "clean -> stats -> train -> freeze -> classify. With --data, the same on your own label folders."
        })
public final class DemoCommand implements Callable<Integer> {
    private static final String MARKER = ".babble-demo";
    private static final int RECORDINGS_PER_LABEL = 16;
    private static final double RECORDING_SECONDS = 6;
    private static final String CLIP_RATE = "16000";

    @Option(
            names = "--work",
            defaultValue = "babble-demo",
            paramLabel = "DIR",
            description = "Folder for the demo's recordings, data, checkpoints and model (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Train on these label folders (e.g. ../shared/data/nursery) instead of generated sounds.")
    Path data;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for the generated sounds and training.")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private int step;

    @Override
    public Integer call() throws IOException {
        prepareWorkFolder();
        Path model = work.resolve("model.babble");
        Path trainDir = work.resolve("train");
        List<String> classify = new ArrayList<>(List.of("classify", "--model", model.toString()));
        List<String> train;
        if (data == null) {
            Path raw = work.resolve("raw");
            Path clips = work.resolve("data");
            announce("generating " + RECORDINGS_PER_LABEL + " recordings of " + (int) RECORDING_SECONDS
                    + " s for each of " + String.join(", ", DemoSounds.LABELS) + " (44.1 kHz, as a phone records)");
            List<Path> folders = DemoRecordings.writeRaw(raw, RECORDINGS_PER_LABEL, RECORDING_SECONDS, seed);
            for (Path folder : folders) {
                run(
                        "clean",
                        folder.toString(),
                        "--segment",
                        "1s",
                        "--rate",
                        CLIP_RATE,
                        "--label",
                        folder.getFileName().toString(),
                        "--out",
                        clips.toString());
            }
            run(
                    "stats",
                    folders.get(0).resolve(DemoSounds.LABELS.get(0) + "-00.wav").toString());
            train = new ArrayList<>(List.of(
                    "train",
                    "--data-dir",
                    clips.toString(),
                    "--wanted-words",
                    String.join(",", DemoSounds.LABELS),
                    "--sample-rate",
                    CLIP_RATE,
                    "--clip-duration-ms",
                    "1000",
                    "--how-many-training-steps",
                    "80,20",
                    "--eval-step-interval",
                    "50"));
            Path fresh = work.resolve("fresh");
            Path night = work.resolve("night.wav");
            announce("generating unseen sounds to classify: one clip per label and a 45-s night (truth in night.csv)");
            DemoRecordings.writeNight(
                    night,
                    work.resolve("night.csv"),
                    List.of(
                            new Section("room_empty", 10),
                            new Section("crying", 10),
                            new Section("noise", 5),
                            new Section("room_empty", 10),
                            new Section("crying", 5),
                            new Section("room_empty", 5)),
                    seed + 99);
            for (String label : DemoSounds.LABELS) {
                Path clip = fresh.resolve(label + ".wav");
                DemoRecordings.writeNight(
                        clip,
                        fresh.resolve(label + ".csv"),
                        List.of(new Section(label, 1)),
                        seed + 1234 + label.length());
                classify.add(clip.toString());
            }
            classify.add(night.toString());
        } else {
            ClipFormat format = ClipFormat.of(data);
            run("stats", format.example().toString());
            train = new ArrayList<>(List.of(
                    "train",
                    "--data-dir",
                    data.toString(),
                    "--wanted-words",
                    String.join(",", format.labels()),
                    "--sample-rate",
                    Integer.toString(format.sampleRate()),
                    "--clip-duration-ms",
                    Integer.toString(format.clipMs())));
            classify.addAll(format.firstClips().stream().map(Path::toString).toList());
        }
        train.addAll(List.of("--train-dir", trainDir.toString(), "--seed", Long.toString(seed)));
        run(train.toArray(String[]::new));
        run("freeze", "--start-checkpoint", trainDir.toString(), "--output-file", model.toString());
        run(classify.toArray(String[]::new));
        out().printf("%nDone. Everything is in %s; try: ./babble classify --model %s YOUR.wav%n", work, model);
        return ExitCode.OK;
    }

    /** Runs one real subcommand with this command's streams, and stops the demo if it fails. */
    private void run(String... args) {
        announce("babble "
                + String.join(" ", Arrays.stream(args).map(DemoCommand::quoted).toList()));
        CommandLine cli = Cli.create();
        cli.setOut(spec.commandLine().getOut());
        cli.setErr(spec.commandLine().getErr());
        int code = cli.execute(args);
        if (code != ExitCode.OK) {
            throw new BabbleException(
                    "demo step 'babble " + args[0] + "' failed (exit " + code + ")", "see the messages above");
        }
    }

    private void announce(String what) {
        PrintWriter out = out();
        out.printf("%n== %d. %s%n", ++step, what);
        out.flush();
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private static String quoted(String arg) {
        return arg.matches("[A-Za-z0-9_./,=:-]+") ? arg : "'" + arg + "'";
    }

    /** The work folder is babble's: refuse to clear a folder the demo did not make. */
    private void prepareWorkFolder() throws IOException {
        if (Files.isDirectory(work)) {
            try (Stream<Path> entries = Files.list(work)) {
                if (entries.findAny().isPresent() && !Files.exists(work.resolve(MARKER))) {
                    throw new BabbleException(
                            work, "exists and was not made by babble demo", "choose another folder with --work");
                }
            }
            TemporaryFolder.clear(work);
        }
        DemoRecordings.folder(work);
        Files.writeString(work.resolve(MARKER), "made by babble demo; it clears this folder on its next run\n");
    }

    /** The clip format of a folder of label folders, read from its files. */
    private record ClipFormat(List<String> labels, int sampleRate, int clipMs, Path example, List<Path> firstClips) {
        static ClipFormat of(Path dataDir) throws IOException {
            if (!Files.isDirectory(dataDir)) {
                throw new BabbleException(dataDir, "not a folder", "give --data a folder with one folder per label");
            }
            List<String> labels = new ArrayList<>();
            List<Path> firsts = new ArrayList<>();
            try (Stream<Path> entries = Files.list(dataDir)) {
                for (Path folder : entries.filter(Files::isDirectory).sorted().toList()) {
                    String name = folder.getFileName().toString();
                    if (name.startsWith("_") || name.startsWith(".")) {
                        continue;
                    }
                    try (Stream<Path> files = Files.list(folder)) {
                        files.filter(f -> f.getFileName()
                                        .toString()
                                        .toLowerCase(Locale.ROOT)
                                        .endsWith(".wav"))
                                .sorted()
                                .findFirst()
                                .ifPresent(first -> {
                                    labels.add(name);
                                    firsts.add(first);
                                });
                    }
                }
            }
            if (labels.size() < 2) {
                throw new BabbleException(
                        dataDir,
                        "needs at least two label folders with .wav clips, found " + labels.size(),
                        "put clips in one folder per label");
            }
            var clip = WavReader.read(firsts.get(0)).clip();
            int clipMs = (int) Math.round(clip.durationSeconds() * 1000);
            return new ClipFormat(labels, clip.sampleRate(), clipMs, firsts.get(0), firsts);
        }
    }
}
