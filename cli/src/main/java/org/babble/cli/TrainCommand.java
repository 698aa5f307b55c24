package org.babble.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.babble.core.BabbleException;
import org.babble.core.features.FeatureSettings;
import org.babble.core.model.Architecture;
import org.babble.core.model.ModelSummary;
import org.babble.core.train.Checkpoint;
import org.babble.core.train.CheckpointFolder;
import org.babble.core.train.LongClipDefaults;
import org.babble.core.train.RunConfiguration;
import org.babble.core.train.TfStyleLines;
import org.babble.core.train.TrainSettings;
import org.babble.core.train.Trainer;
import org.babble.core.train.TrainingObserver;
import org.babble.core.train.TrainingResult;
import org.babble.dataset.augment.AugmentSettings;
import org.babble.dataset.batch.BatchSource;
import org.babble.dataset.index.DatasetSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code babble train}: TF speech_commands' {@code train.py} with its flags (kebab-case, or TF's snake_case so the
 * tutorial's command pastes unchanged) and its log lines, on babble's fast default network.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Train a sound classifier on a folder of label folders, as TF speech_commands' train.py does.")
public final class TrainCommand implements Callable<Integer> {
    private static final TrainSettings DEFAULTS = TrainSettings.defaults();

    @Spec
    CommandSpec spec;

    @Option(
            names = {"--data-url", "--data_url"},
            paramLabel = "URL",
            defaultValue = "",
            description = "Accepted for TF compatibility when empty; babble downloads nothing.")
    String dataUrl;

    @Option(
            names = {"--data-dir", "--data_dir"},
            required = true,
            paramLabel = "DIR",
            description = "Folder with one folder of clips per label (and optionally _background_noise_).")
    Path dataDir;

    @Option(
            names = {"--wanted-words", "--wanted_words"},
            paramLabel = "W1,W2",
            split = ",",
            defaultValue = "yes,no,up,down,left,right,on,off,stop,go",
            description = "Labels to learn (default: TF's).")
    List<String> wantedWords;

    @Option(
            names = {"--sample-rate", "--sample_rate"},
            defaultValue = "16000",
            description = "Hz (default 16000).")
    int sampleRate;

    @Option(
            names = {"--clip-duration-ms", "--clip_duration_ms"},
            defaultValue = "1000",
            description = "Clip length (default 1000).")
    int clipDurationMs;

    @Option(
            names = {"--how-many-training-steps", "--how_many_training_steps"},
            paramLabel = "N1,N2",
            split = ",",
            description = "Steps per learning-rate phase (default 400,100; TF: 15000,3000).")
    List<Integer> steps;

    @Option(
            names = {"--learning-rate", "--learning_rate"},
            paramLabel = "R1,R2",
            split = ",",
            description = "Adam learning rate per phase (default 0.003,0.0003; TF: 0.001,0.0001).")
    List<Double> learningRates;

    @Option(
            names = {"--batch-size", "--batch_size"},
            defaultValue = "100",
            description = "Clips per step (100).")
    int batchSize;

    @Option(
            names = {"--eval-step-interval", "--eval_step_interval"},
            defaultValue = "400",
            description = "Steps between validations (400).")
    int evalStepInterval;

    @Option(
            names = {"--save-step-interval", "--save_step_interval"},
            defaultValue = "100",
            description = "Steps between checkpoints (100).")
    int saveStepInterval;

    @Option(
            names = {"--train-dir", "--train_dir"},
            defaultValue = "train",
            paramLabel = "DIR",
            description = "Checkpoints, labels.txt (and TF's conv_labels.txt), train_log.jsonl and plots go here"
                    + " (default ./train).")
    Path trainDir;

    @Option(
            names = {"--start-checkpoint", "--start_checkpoint"},
            paramLabel = "CKPT",
            description = "Resume from this checkpoint (or the latest in this train dir), with the run's own"
                    + " configuration: a flag given that contradicts it is refused; --how-many-training-steps may"
                    + " lengthen the last phase.")
    Path startCheckpoint;

    @Option(
            names = "--force",
            description = "Start a fresh run in a --train-dir that holds another run's checkpoints, deleting them"
                    + " first (without it such a folder is refused, so checkpoints of two runs never mix).")
    boolean force;

    @Option(
            names = {"--model-architecture", "--model_architecture"},
            description = "tc_resnet, tc_resnet_max, conv, low_latency_conv, single_fc, tiny_conv (default: tc_resnet"
                    + " for words, tc_resnet_max, which ends in a max pool, for clips over 1 s). tc_resnet is"
                    + " TC-ResNet's stack of temporal convolutions without its residual adds.")
    String architecture;

    @Option(
            names = {"--window-size-ms", "--window_size_ms"},
            description = "Analysis window (default 30; for clips over 1 s twice the stride).")
    Double windowSizeMs;

    @Option(
            names = {"--window-stride-ms", "--window_stride_ms"},
            description = "Hop (default 10; for clips over 1 s, clip/100 so every clip has ~100 frames).")
    Double windowStrideMs;

    @Option(
            names = {"--feature-bin-count", "--feature_bin_count"},
            defaultValue = "40",
            description = "MFCC coefficients / bins (40).")
    int featureBinCount;

    @Option(
            names = "--upper-frequency",
            paramLabel = "HZ",
            description = "Highest mel filter edge, at most half the sample rate (default: TF's 4000, or half the"
                    + " rate when that is lower).")
    Double upperFrequencyHz;

    @Option(names = "--preprocess", defaultValue = "mfcc", description = "mfcc, logmel or average.")
    String preprocess;

    @Option(
            names = "--feature-normalization",
            paramLabel = "none|mean|standard",
            description = "Normalise each clip's features over its frames: mean subtracts each bin's mean (a"
                    + " microphone's or room's fixed colouring), standard also divides by its deviation (default: mean"
                    + " for clips over 1 s, none for words). Saved with the model: classify and monitor apply it too.")
    FeatureSettings.Normalization featureNormalization;

    @Option(
            names = "--feature-compression",
            paramLabel = "log|pcen",
            description = "Compress each frame's mel bands with TF's log, or with PCEN: each band divided by its own"
                    + " recent level, so a sound stands out of the room and microphone it was recorded with (default:"
                    + " pcen for clips over 1 s, log for words and for average features). Saved with the model.")
    FeatureSettings.Compression featureCompression;

    @Option(
            names = {"--background-volume", "--background_volume"},
            defaultValue = "0.1")
    double backgroundVolume;

    @Option(
            names = {"--background-frequency", "--background_frequency"},
            defaultValue = "0.8")
    double backgroundFrequency;

    @Option(
            names = {"--silence-percentage", "--silence_percentage"},
            defaultValue = "10")
    double silencePercentage;

    @Option(
            names = {"--unknown-percentage", "--unknown_percentage"},
            defaultValue = "10")
    double unknownPercentage;

    @Option(
            names = {"--time-shift-ms", "--time_shift_ms"},
            defaultValue = "100")
    int timeShiftMs;

    @Option(
            names = {"--testing-percentage", "--testing_percentage"},
            defaultValue = "10")
    double testingPercentage;

    @Option(
            names = {"--validation-percentage", "--validation_percentage"},
            defaultValue = "10")
    double validationPercentage;

    @Option(
            names = "--gain-db",
            defaultValue = "12",
            description = "Training clips get a random gain within +-this many dB (default ${DEFAULT-VALUE}; 0 off).")
    double gainDb;

    @Option(
            names = "--low-pass-probability",
            defaultValue = "0.5",
            description = "Share of training clips low-passed at a random cutoff, 1-8 kHz (default ${DEFAULT-VALUE};"
                    + " 0 off): recordings from other microphones and phones then sound familiar.")
    double lowPassProbability;

    @Option(
            names = "--high-pass-probability",
            defaultValue = "0",
            description = "Share of training clips high-passed at a random cutoff, 50-400 Hz (default ${DEFAULT-VALUE};"
                    + " 0 off): small microphones and phones have no bass.")
    double highPassProbability;

    @Option(
            names = "--equalizer-db",
            defaultValue = "0",
            description = "Training clips get random bass and treble shelves within +-this many dB (default "
                    + "${DEFAULT-VALUE}; 0 off): another microphone's tone.")
    double equalizerDb;

    @Option(
            names = "--pause-probability",
            description = "Share of training clips whose sound drops away 20-50 dB for 0.2-1 s, one to four times"
                    + " per 5 s (default: 0.5 for clips over 1 s, 0 for words; 0 off): cries recorded close up come"
                    + " in bursts and gaps.")
    Double pauseProbability;

    @Option(
            names = "--mix-probability",
            description = "Share of training clips that get a training clip of a --mix-labels folder other than"
                    + " their own mixed under them (default: 0.5 for clips over 1 s when a --mix-labels folder is"
                    + " among the wanted words, else 0; 0 off): the room's own sound as background.")
    Double mixProbability;

    @Option(
            names = "--mix-labels",
            paramLabel = "L1,L2",
            split = ",",
            description = "Folders whose training clips are mixed under others (default: room_empty and noise, those"
                    + " of them the run has).")
    List<String> mixLabels;

    @Option(
            names = "--mix-snr-db",
            paramLabel = "MIN,MAX",
            split = ",",
            defaultValue = "5,25",
            description = "Range of the clip's power over the mixed-in background's, in dB (default ${DEFAULT-VALUE}):"
                    + " a sound a little above its room, never under it.")
    List<Double> mixSnrDb;

    @Option(
            names = "--augment-on",
            defaultValue = "auto",
            description = "Vary training clips on their cached mel bands (bands: no FFT per clip per step), on the"
                    + " audio as TF does (audio), or auto: bands for clips over 1 s, whose FFTs dominate training"
                    + " (default ${DEFAULT-VALUE}).")
    String augmentOn;

    @Option(
            names = "--frequency-shift-bands",
            defaultValue = "0",
            paramLabel = "N",
            description = "Training clips' mel bands move up or down by up to N bands (default ${DEFAULT-VALUE}; 0"
                    + " off; needs --augment-on bands): a higher voice or another engine still looks familiar.")
    int frequencyShiftBands;

    @Option(
            names = "--time-masks",
            description = "SpecAugment time masks per training clip, each up to 10%% of the frames (default: 6 for"
                    + " clips over 1 s, 2 for words).")
    Integer timeMasks;

    @Option(
            names = "--frequency-masks",
            description = "SpecAugment frequency masks per training clip, each up to 15%% of the bins (default: 6"
                    + " for clips over 1 s, 2 for words).")
    Integer frequencyMasks;

    @Option(names = "--seed", defaultValue = "1", description = "Same seed, same run (default 1).")
    long seed;

    @Option(
            names = {"--quiet", "-q"},
            description = "Only the final result.")
    boolean quiet;

    @Option(
            names = {"--cross-source", "--cross_source"},
            defaultValue = "0",
            paramLabel = "K",
            description = "After training, train K more models, each without a K-th of the recordings (the part of a "
                    + "clip's name before _nohash_), and score each on the recordings it never heard: what the test "
                    + "split cannot say. 0 (default) is off.")
    int crossSource;

    @Override
    public Integer call() {
        if (!dataUrl.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--data_url: babble downloads nothing; pass --data_url= "
                            + "(empty) and point --data_dir at the unpacked folder");
        }
        if (crossSource == 1 || crossSource < 0) {
            throw new ParameterException(
                    spec.commandLine(), "--cross-source takes at least 2 folds (or 0 for off), got " + crossSource);
        }
        PrintWriter err = spec.commandLine().getErr();
        RunConfiguration run;
        Checkpoint start = null;
        if (startCheckpoint != null) {
            if (force) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--force starts a fresh run and --start-checkpoint" + " resumes one: give one of them");
            }
            Path file = CheckpointFolder.resolve(startCheckpoint, false);
            start = Checkpoint.read(file);
            run = ResumedRun.configuration(file, start.state().configuration(), spec.commandLine());
            err.printf(
                    "babble: resuming from %s at step %d; its settings apply%n",
                    startCheckpoint, start.state().step());
        } else {
            run = configuration();
            refuseAnotherRunsTrainDir();
        }
        TrainSettings settings = run.training();
        FeatureSettings features = run.features();
        DatasetSettings dataset = DatasetSettings.forRun(dataDir, settings);
        AugmentSettings augment;
        try {
            augment = AugmentSettings.forRun(run);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        long started = System.nanoTime();
        BatchSource source = BatchSource.open(dataset, features, augment);
        if (!quiet) {
            describe(source, features, err);
        }
        if (start == null && force) {
            deleteEarlierRun();
        }
        int code;
        try (DatasetTrainingData data =
                new DatasetTrainingData(source, settings.architecture().layout())) {
            code = train(run, data, start, started);
        }
        if (code == ExitCode.OK && crossSource > 0) {
            CrossSourceReport.print(
                    CrossSourceRun.run(run, augment, dataset, crossSource, trainDir.resolve("cross-source"), quiet),
                    spec.commandLine().getOut());
        } else if (code == ExitCode.OK && !quiet) {
            err.println(
                    "babble: the test split cuts its clips from the recordings training heard, so it measures memory;"
                            + " --cross-source 3 says how the model does on recordings it never heard");
        }
        return code;
    }

    /** The split sizes per label, how the split was made, and what loading had to fix: once, before step 1. */
    private static void describe(BatchSource source, FeatureSettings features, PrintWriter err) {
        source.index().summary().forEach(line -> err.println("babble: " + line));
        source.index().notes().forEach(line -> err.println("babble: " + line));
        source.data()
                .report()
                .notes(features.sampleRate(), features.desiredSamples())
                .forEach(line -> err.println("babble: " + line));
        if (source.augmentsBands()) {
            err.println("babble: training clips are augmented on mel bands computed once, not on their audio"
                    + " (--augment-on audio does it TF's way)");
        }
        err.flush();
    }

    @SuppressWarnings("try") // the signal handler is the resource: it acts while installed, nothing reads it
    private int train(RunConfiguration run, DatasetTrainingData data, Checkpoint start, long started) {
        Trainer trainer = new Trainer(run, data.labels(), data, trainDir);
        try (Progress progress = Progress.start("train", run.training().totalSteps(), quiet)) {
            PrintWriter messages = quiet
                    ? new PrintWriter(java.io.Writer.nullWriter())
                    : spec.commandLine().getErr();
            trainer.observe(new TfStyleLines(messages, spec.commandLine().getOut(), !progress.isLive()));
            trainer.observe(new TrainingObserver() {
                @Override
                public void started(ModelSummary summary, int firstStep, int totalSteps) {
                    progress.stepBy(firstStep - 1);
                }

                @Override
                public void step(StepResult r) {
                    progress.step();
                    progress.extra(String.format("acc %.0f%% xent %.3f", 100 * r.accuracy(), r.crossEntropy()));
                }
            });
            TrainingResult result;
            try (StopOnSignal stop =
                    StopOnSignal.install("babble-train-interrupt", trainer::requestStop, Duration.ofMinutes(2))) {
                result = start == null ? trainer.train() : trainer.resume(start);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (result.interrupted()) {
                spec.commandLine()
                        .getErr()
                        .printf(
                                "babble: interrupted at step %d; resume with --start-checkpoint %s%n",
                                result.lastStep(), result.lastCheckpoint());
                return ExitCode.INTERRUPTED;
            }
            messages.flush();
            messages.printf(
                    "babble: trained %d steps in %.1f s; best validation accuracy %.1f%% at step %d; "
                            + "checkpoints and plots in %s%n",
                    result.lastStep(), seconds, 100 * result.bestValidationAccuracy(), result.bestStep(), trainDir);
            messages.flush();
            return ExitCode.OK;
        }
    }

    /**
     * The run these flags describe, the long-clip defaults filled in for flags left out. Everything downstream reads
     * only this: a resumed run reads its checkpoint's instead.
     */
    RunConfiguration configuration() {
        TrainSettings training;
        try {
            training = trainSettings();
        } catch (BabbleException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        FeatureSettings features = featureSettings();
        if (mixSnrDb.size() != 2) {
            throw new ParameterException(spec.commandLine(), "--mix-snr-db: give MIN,MAX in dB, e.g. 0,20");
        }
        try {
            return new RunConfiguration(
                    training,
                    features,
                    new RunConfiguration.Augmentation(
                            gainDb,
                            lowPassProbability,
                            highPassProbability,
                            equalizerDb,
                            LongClipDefaults.pauseProbability(clipDurationMs, pauseProbability),
                            LongClipDefaults.augmentOn(clipDurationMs, augmentOn()),
                            frequencyShiftBands,
                            LongClipDefaults.masks(clipDurationMs, timeMasks),
                            LongClipDefaults.masks(clipDurationMs, frequencyMasks),
                            LongClipDefaults.mix(
                                    clipDurationMs,
                                    mixProbability,
                                    mixLabels,
                                    training.wantedWords(),
                                    mixSnrDb.get(0),
                                    mixSnrDb.get(1))));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** A fresh run's folder must hold no other run's checkpoints, unless --force says to delete them. */
    private void refuseAnotherRunsTrainDir() {
        if (!force && new CheckpointFolder(trainDir, Integer.MAX_VALUE).holdsCheckpoints()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--train-dir " + trainDir + " holds another run's"
                            + " checkpoints; resume that run with --start-checkpoint " + trainDir
                            + ", train into another"
                            + " --train-dir, or pass --force to delete them first");
        }
    }

    /** --force: the earlier run's checkpoints go once the new run's data has loaded, just before it trains. */
    private void deleteEarlierRun() {
        CheckpointFolder folder = new CheckpointFolder(trainDir, Integer.MAX_VALUE);
        if (!folder.holdsCheckpoints()) {
            return;
        }
        folder.clear();
        if (!quiet) {
            spec.commandLine()
                    .getErr()
                    .println("babble: --force: deleted the earlier run's checkpoints in " + trainDir);
        }
    }

    /** The flag's domain; auto (null) lets the clip length decide. */
    private RunConfiguration.AugmentOn augmentOn() {
        if (augmentOn.equalsIgnoreCase("auto")) {
            return null;
        }
        return Arrays.stream(RunConfiguration.AugmentOn.values())
                .filter(d -> d.name().equalsIgnoreCase(augmentOn))
                .findFirst()
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(), "--augment-on: unknown '" + augmentOn + "', use auto, bands or audio"));
    }

    private TrainSettings trainSettings() {
        List<Integer> phases = steps == null ? DEFAULTS.howManyTrainingSteps() : steps;
        List<Double> rates = learningRates == null ? DEFAULTS.learningRates() : learningRates;
        try {
            return new TrainSettings(
                    phases,
                    rates,
                    batchSize,
                    evalStepInterval,
                    saveStepInterval,
                    LongClipDefaults.architecture(
                            clipDurationMs, architecture == null ? null : Architecture.parse(architecture)),
                    DEFAULTS.dropoutRate(),
                    seed,
                    DEFAULTS.keepCheckpoints(),
                    dataDir.toString(),
                    wantedWords,
                    silencePercentage,
                    unknownPercentage,
                    backgroundVolume,
                    backgroundFrequency,
                    timeShiftMs,
                    testingPercentage,
                    validationPercentage);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** TF's feature defaults, with the long-clip ones ({@link LongClipDefaults}) for flags left out. */
    private FeatureSettings featureSettings() {
        double stride = LongClipDefaults.windowStrideMs(clipDurationMs, windowStrideMs);
        double window = LongClipDefaults.windowSizeMs(clipDurationMs, stride, windowSizeMs);
        FeatureSettings.Preprocess kind = Arrays.stream(FeatureSettings.Preprocess.values())
                .filter(p -> p.name().equalsIgnoreCase(preprocess))
                .findFirst()
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(), "--preprocess: unknown '" + preprocess + "', use mfcc, logmel or average"));
        try {
            FeatureSettings tf = FeatureSettings.defaults(sampleRate, clipDurationMs);
            return new FeatureSettings(
                    sampleRate,
                    clipDurationMs,
                    window,
                    stride,
                    featureBinCount,
                    kind,
                    tf.lowerFrequencyHz(),
                    upperFrequencyHz != null ? upperFrequencyHz : tf.upperFrequencyHz(),
                    tf.melChannels(),
                    LongClipDefaults.normalization(clipDurationMs, featureNormalization),
                    LongClipDefaults.compression(clipDurationMs, kind, featureCompression));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
