package org.babble.core.monitor;

import java.util.List;
import org.babble.core.inference.Classifier;

/**
 * What the monitor needs of a model: its labels, the rate and length of the windows it scores, and one score per label
 * for a window of the stream, mono at that rate (the monitor mixes down and resamples the stream once). A seam so the
 * engine can be tested with a stand-in; {@link #of(Classifier)} is the real thing.
 */
public interface WindowScorer {
    List<String> labels();

    long clipMs();

    /** The rate windows are scored at. */
    int sampleRate();

    /**
     * The highest frequency the scorer reads: the stream is resampled exactly below it only (see
     * {@link org.babble.core.features.FeatureSettings#highestFrequencyUsedHz()}); a stand-in reads every frequency.
     */
    default double bandHz() {
        return Double.POSITIVE_INFINITY;
    }

    /** Samples in a window at {@link #sampleRate()}. */
    int windowSamples();

    /**
     * Scores of the window starting at sample {@code start} of the current stream, held in
     * {@code samples[from .. from + windowSamples())}; windows come in order of their start.
     */
    float[] scores(long start, float[] samples, int from);

    /** The step between window starts, in samples at {@link #sampleRate()}, for a hop of {@code hopMs}. */
    long hopSamples(long hopMs);

    /** A new stream begins (the source was reopened): sample numbers start again at zero. */
    void restart();

    /** Scores windows with a frozen model exactly as {@code babble classify} scores a recording's windows. */
    static WindowScorer of(Classifier classifier) {
        List<String> labels = classifier.model().labels();
        var settings = classifier.model().metadata().featureSettings();
        return new WindowScorer() {
            @Override
            public List<String> labels() {
                return labels;
            }

            @Override
            public long clipMs() {
                return settings.clipDurationMs();
            }

            @Override
            public int sampleRate() {
                return settings.sampleRate();
            }

            @Override
            public double bandHz() {
                return settings.highestFrequencyUsedHz();
            }

            @Override
            public int windowSamples() {
                return settings.desiredSamples();
            }

            @Override
            public float[] scores(long start, float[] samples, int from) {
                return classifier.scoreWindow(start, samples, from);
            }

            @Override
            public long hopSamples(long hopMs) {
                return classifier.hopSamples(hopMs);
            }

            @Override
            public void restart() {
                classifier.restartStream();
            }
        };
    }
}
