package org.babble.core.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.babble.core.audio.AudioClip;
import org.babble.core.features.FeatureSettings;
import org.babble.core.frozen.FrozenModel;
import org.babble.core.prep.ClipPreparation;
import org.babble.core.prep.Note;

/**
 * Classifies decoded recordings with a frozen model, preparing the audio exactly as the model was trained
 * ({@link ClipPreparation}). A clip-length recording is padded or cut to the clip; a longer one is cut into windows
 * of clip length every hop, scored in batches; the monitor scores a stream window by window through
 * {@link #scoreWindow}, so a recording scores the same in {@code classify} and {@code monitor --from}.
 *
 * <p>Not thread-safe (the preparation reuses buffers); one per thread.
 */
public final class Classifier {
    /** Recordings longer than this many clips are windowed rather than cut. */
    public static final double WINDOWING_THRESHOLD_CLIPS = 1.5;

    private static final int BATCH = 32;

    private final FrozenModel model;
    private final FeatureSettings settings;
    private final ClipPreparation preparation;
    private final float[] single;

    public Classifier(FrozenModel model) {
        this.model = model;
        this.settings = model.metadata().featureSettings();
        this.preparation = new ClipPreparation(settings);
        this.single = new float[settings.featureSize()];
    }

    public FrozenModel model() {
        return model;
    }

    /** Whether {@code clip} is long enough to be windowed rather than cut to one clip. */
    public boolean needsWindows(AudioClip clip) {
        return clip.durationSeconds() * 1000 > WINDOWING_THRESHOLD_CLIPS * settings.clipDurationMs();
    }

    /** Scores {@code clip} as one clip: padded with silence or cut to the model's clip length. */
    public ClipScores classify(AudioClip clip) {
        List<Note> notes = new ArrayList<>();
        float[] features = preparation.clipFeatures(clip, notes);
        return new ClipScores(model.scoresFlat(features, 1)[0], notes);
    }

    /**
     * Scores of the clip-long window starting at sample {@code start} of a mono stream at the model's rate, held in
     * {@code samples[from ..]}. Windows of one stream come in order of their start; {@link #restartStream} before
     * another stream.
     */
    public float[] scoreWindow(long start, float[] samples, int from) {
        preparation.windowFeatures(start, samples, from, single, 0);
        return model.scoresFlat(single, 1)[0];
    }

    /** The next windows belong to another stream. */
    public void restartStream() {
        preparation.restartWindows();
    }

    /** Scores windows of clip length every {@code hopMs} over {@code clip}; reports windows done to {@code progress}. */
    public WindowedScores classifyWindows(AudioClip clip, long hopMs, IntConsumer progress) {
        if (hopMs <= 0) {
            throw new IllegalArgumentException("hop must be positive, got " + hopMs + " ms");
        }
        List<Note> notes = new ArrayList<>();
        float[] samples = preparation.mono(clip, notes);
        int rate = settings.sampleRate();
        int length = settings.desiredSamples();
        if (samples.length < length) {
            samples = Arrays.copyOf(samples, length); // one window, zeros after the recording
        }
        long[] starts = windowStarts(samples.length, length, hopSamples(hopMs));
        int featureSize = settings.featureSize();
        float[] batch = new float[BATCH * featureSize];
        List<WindowScores> windows = new ArrayList<>(starts.length);
        preparation.restartWindows();
        for (int first = 0; first < starts.length; first += BATCH) {
            int count = Math.min(BATCH, starts.length - first);
            for (int i = 0; i < count; i++) {
                long start = starts[first + i];
                preparation.windowFeatures(start, samples, (int) start, batch, i * featureSize);
            }
            float[][] scores = model.scoresFlat(batch, count);
            for (int i = 0; i < count; i++) {
                long start = starts[first + i];
                windows.add(new WindowScores(start * 1000 / rate, (start + length) * 1000 / rate, scores[i]));
            }
            progress.accept(count);
        }
        return new WindowedScores(windows, notes, hopMs);
    }

    /**
     * A hop in samples at the model's rate: at least one, and a whole number of feature strides when it spans several,
     * so overlapping windows share their frames (a 2.5-s hop at 22050 Hz with a 50-ms stride steps 55100 samples, not
     * 55125). Classify and the monitor step windows alike.
     */
    public long hopSamples(long hopMs) {
        long hop = Math.max(1, hopMs * settings.sampleRate() / 1000);
        long stride = settings.windowStrideSamples();
        return hop > stride ? Math.round(hop / (double) stride) * stride : hop;
    }

    /** Starts every hop while a whole window fits, plus one ending with the recording if its tail is not covered. */
    static long[] windowStarts(int samples, int window, long hop) {
        if (samples <= window) {
            return new long[] {0};
        }
        List<Long> starts = new ArrayList<>();
        long start = 0;
        for (; start + window <= samples; start += hop) {
            starts.add(start);
        }
        long last = starts.get(starts.size() - 1);
        if (last + window < samples) {
            starts.add((long) samples - window);
        }
        return starts.stream().mapToLong(Long::longValue).toArray();
    }
}
