package org.babble.cli;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.babble.core.BabbleException;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.DecodedWav;
import org.babble.core.audio.Resampler;
import org.babble.core.audio.WavReader;
import org.babble.core.features.FeatureSettings;
import org.babble.core.features.FeatureSettings.Preprocess;
import org.babble.core.features.Spectrogram;
import org.babble.core.frozen.FrozenModelReader;
import org.babble.core.io.AtomicFiles;
import org.babble.core.prep.ClipPreparation;
import org.babble.core.prep.Note;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code babble features CLIP --out spec.png}: shows what the network sees of a clip. */
@Command(
        name = "features",
        mixinStandardHelpOptions = true,
        description = "Render the features of a clip (what the network sees) as a PNG heatmap: time left to right, "
                + "low bins at the bottom.")
public final class FeaturesCommand implements Callable<Integer> {
    /** Power below this many dB under the image's loudest cell is drawn as the darkest colour. */
    private static final double DYNAMIC_RANGE_DB = 80;

    /** What to draw: a feature family, or the full power spectrogram they are all computed from. */
    enum View {
        MFCC,
        LOGMEL,
        AVERAGE,
        SPECTROGRAM
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "CLIP", description = "A WAV file.")
    Path clip;

    @Option(
            names = {"--input-wav", "--input_wav"},
            paramLabel = "WAV",
            description = "The WAV file, in wav_to_features.py's spelling (instead of CLIP).")
    Path inputWav;

    @Option(
            names = "--model",
            paramLabel = "FILE",
            description = "Draw exactly what this frozen model is fed for the clip (its rate, length, features and "
                    + "normalisation); the feature flags below are then taken from the model and may not be given.")
    Path model;

    @Option(names = "--out", paramLabel = "PNG", description = "Image to write.")
    Path out;

    @Option(
            names = {"--output-c-file", "--output_c_file"},
            paramLabel = "FILE",
            description = "Also, or instead, write the values as a C array, as wav_to_features.py does (floats).")
    Path outputCFile;

    @Option(
            names = "--output-npy",
            paramLabel = "FILE",
            description = "Also, or instead, write the values as a NumPy .npy array [frames, bins] (float32), the input"
                    + " of a model babble export wrote.")
    Path outputNpy;

    @Option(
            names = {"--sample-rate", "--sample_rate"},
            paramLabel = "HZ",
            description = "Rate the features are computed at; the clip is resampled to it (default: the clip's own).")
    Integer sampleRate;

    @Option(
            names = {"--clip-duration-ms", "--clip_duration_ms"},
            paramLabel = "MS",
            description = "Pad or cut the clip to this length (default: the whole clip).")
    Integer clipDurationMs;

    @Option(
            names = {"--window-size-ms", "--window_size_ms"},
            defaultValue = "30",
            paramLabel = "MS",
            description = "Analysis window (default: ${DEFAULT-VALUE}).")
    double windowSizeMs;

    @Option(
            names = {"--window-stride-ms", "--window_stride_ms"},
            defaultValue = "10",
            paramLabel = "MS",
            description = "Hop between windows (default: ${DEFAULT-VALUE}).")
    double windowStrideMs;

    @Option(
            names = {"--feature-bin-count", "--feature_bin_count"},
            defaultValue = "40",
            paramLabel = "N",
            description = "MFCC coefficients, mel bands or pooled bins (default: ${DEFAULT-VALUE}).")
    int featureBinCount;

    @Option(
            names = "--preprocess",
            defaultValue = "mfcc",
            paramLabel = "mfcc|logmel|average|spectrogram",
            description = "Features to draw: mfcc, logmel, average or spectrogram (default: ${DEFAULT-VALUE}).")
    View view;

    @Option(
            names = "--lower-frequency",
            defaultValue = "20",
            paramLabel = "HZ",
            description = "Lowest mel filter edge (default: ${DEFAULT-VALUE}).")
    double lowerFrequencyHz;

    @Option(
            names = "--upper-frequency",
            paramLabel = "HZ",
            description = "Highest mel filter edge, at most half the sample rate (default: 4000, or half the rate "
                    + "when that is lower).")
    Double upperFrequencyHz;

    @Option(
            names = "--mel-channels",
            defaultValue = "40",
            paramLabel = "N",
            description = "Mel filters before the MFCC's DCT (default: ${DEFAULT-VALUE}).")
    int melChannels;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if ((clip == null) == (inputWav == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give one clip: CLIP or --input_wav");
        }
        if (out == null && outputCFile == null && outputNpy == null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "give --out PNG, --output_c_file FILE, --output-npy FILE, or several");
        }
        if (clip == null) {
            clip = inputWav;
        }
        DecodedWav decoded = WavReader.read(clip);
        decoded.warnings().forEach(w -> err.println("babble: " + clip + ": " + w));
        AudioClip audio = decoded.clip();
        FeatureSettings settings = model != null ? modelSettings() : settings(audio);
        View shown = model != null ? View.valueOf(settings.preprocess().name()) : view;
        if (settings.frameCount() == 0) {
            throw new BabbleException(
                    clip,
                    "is shorter than one " + settings.windowSizeMs() + " ms window",
                    "use a longer clip or a shorter --window-size-ms");
        }
        ClipPreparation preparation = new ClipPreparation(settings);
        List<Note> notes = new ArrayList<>();
        float[] samples = preparation.fit(preparation.mono(audio, notes), notes);
        notes.forEach(note -> err.println("babble: " + clip + ": " + note.text()));
        float[][] values;
        boolean power = shown == View.AVERAGE || shown == View.SPECTROGRAM;
        if (shown == View.SPECTROGRAM) {
            values = new Spectrogram(settings.windowSizeSamples(), settings.windowStrideSamples()).power(samples);
        } else {
            float[] flat = new float[settings.featureSize()];
            preparation.features(samples, flat, 0);
            values = new float[settings.frameCount()][];
            for (int f = 0; f < values.length; f++) {
                values[f] = Arrays.copyOfRange(flat, f * settings.binsPerFrame(), (f + 1) * settings.binsPerFrame());
            }
        }
        String description = String.format(
                Locale.ROOT,
                "%d frames x %d bins (%s)",
                values.length,
                values[0].length,
                shown.name().toLowerCase(Locale.ROOT));
        if (outputCFile != null) {
            AtomicFiles.write(
                    outputCFile,
                    FeatureCArray.source(clip.getFileName().toString(), description, values)
                            .getBytes(StandardCharsets.US_ASCII));
            spec.commandLine().getOut().println(outputCFile + ": " + description + " as a C array");
        }
        if (outputNpy != null) {
            AtomicFiles.write(outputNpy, FeatureNpy.bytes(values));
            spec.commandLine().getOut().println(outputNpy + ": " + description + " as a NumPy array");
        }
        if (out == null) {
            return ExitCode.OK;
        }
        // MFCC's c0 (overall loudness) dwarfs the rest: colours span c1 and up, c0 is clamped to the ends.
        double[] range = power ? toDecibels(values) : range(values, shown == View.MFCC && values[0].length > 1 ? 1 : 0);
        BufferedImage image = FeatureHeatmap.render(values, range[0], range[1]);
        AtomicFiles.writePng(out, image);
        spec.commandLine()
                .getOut()
                .printf(
                        Locale.ROOT,
                        "%s: %d frames x %d bins (%s%s), %.4g to %.4g%s, %dx%d px%n",
                        out,
                        values.length,
                        values[0].length,
                        shown.name().toLowerCase(Locale.ROOT),
                        power ? ", shown in dB" : "",
                        range[0],
                        range[1],
                        power ? " dB" : "",
                        image.getWidth(),
                        image.getHeight());
        return ExitCode.OK;
    }

    /** The model's own settings; a feature flag given with --model would be silently overridden, so it is refused. */
    private FeatureSettings modelSettings() {
        for (CommandLine.Model.OptionSpec option : spec.options()) {
            boolean feature = option.longestName()
                    .replace('_', '-')
                    .matches("--(sample|clip-duration|window|feature-bin|preprocess|lower|" + "upper|mel).*");
            if (feature && spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        option.longestName()
                                + " cannot be given with --model: the model's own feature settings are drawn");
            }
        }
        return FrozenModelReader.read(model).metadata().featureSettings();
    }

    private FeatureSettings settings(AudioClip audio) {
        int rate = sampleRate != null ? sampleRate : audio.sampleRate();
        if (rate <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sample-rate must be positive, got " + rate);
        }
        int durationMs = clipDurationMs != null
                ? clipDurationMs
                : (int) ((long) Resampler.outputLength(audio.frames(), audio.sampleRate(), rate) * 1000 / rate);
        double upper = upperFrequencyHz != null ? upperFrequencyHz : FeatureSettings.defaultUpperFrequencyHz(rate);
        // The spectrogram view uses only the window, stride and duration; any valid feature family carries them.
        Preprocess preprocess = view == View.SPECTROGRAM ? Preprocess.AVERAGE : Preprocess.valueOf(view.name());
        int bins = view == View.SPECTROGRAM ? 1 : featureBinCount;
        try {
            return new FeatureSettings(
                    rate,
                    durationMs,
                    windowSizeMs,
                    windowStrideMs,
                    bins,
                    preprocess,
                    lowerFrequencyHz,
                    upper,
                    melChannels);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    e.getMessage() + " (clip " + clip + " at " + rate + " Hz, " + durationMs + " ms)");
        }
    }

    /** Converts power to dB in place; returns the range to draw: the loudest cell and {@value #DYNAMIC_RANGE_DB} below. */
    private static double[] toDecibels(float[][] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (float[] row : values) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) (10 * Math.log10(Math.max(row[i], 1e-20)));
                max = Math.max(max, row[i]);
            }
        }
        return new double[] {max - DYNAMIC_RANGE_DB, max};
    }

    private static double[] range(float[][] values, int firstBin) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float[] row : values) {
            for (int i = firstBin; i < row.length; i++) {
                min = Math.min(min, row[i]);
                max = Math.max(max, row[i]);
            }
        }
        return new double[] {min, max};
    }
}
