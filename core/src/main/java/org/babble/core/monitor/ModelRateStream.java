package org.babble.core.monitor;

import java.util.Arrays;
import org.babble.core.audio.StreamingResampler;
import org.babble.core.meter.LevelMeter;

/**
 * One source's audio on its way to the scorer: mono blocks are resampled to the model's rate once, as they arrive,
 * and a window of clip length is cut every hop, at the very sample positions {@code babble classify} uses for a file
 * (so a replayed recording scores as classify scores it). Keeps about one window of samples.
 */
final class ModelRateStream {
    /** A scored window: times are from the source's first sample. */
    record Window(long startMs, long endMs, float[] scores, double levelDb) {}

    private final StreamingResampler resampler;
    private final WindowScorer scorer;
    private final int rate;
    private final int length;
    private final long hop;
    private final LevelMeter meter = new LevelMeter();
    /** Samples {@code [bufferStart, bufferStart + filled)} of the stream at the model's rate. */
    private float[] buffer;

    private long bufferStart;
    private int filled;
    private long nextStart;

    ModelRateStream(int captureRate, WindowScorer scorer, long hopMs) {
        this.rate = scorer.sampleRate();
        this.resampler = new StreamingResampler(captureRate, rate, scorer.bandHz());
        this.scorer = scorer;
        this.length = scorer.windowSamples();
        this.hop = scorer.hopSamples(hopMs);
        this.buffer = new float[2 * length];
        scorer.restart();
    }

    /** Adds a mono block at the capture rate; {@code null} ends the stream (the resampler's tail is flushed). */
    void add(float[] mono) {
        float[] converted = mono == null ? resampler.finish() : resampler.push(mono, mono.length);
        if (filled + converted.length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(2 * buffer.length, filled + converted.length));
        }
        System.arraycopy(converted, 0, buffer, filled, converted.length);
        filled += converted.length;
    }

    /** The next whole window, scored; null until more audio arrives. */
    Window next() {
        if (nextStart + length > bufferStart + filled) {
            discardBeforeNextWindow();
            return null;
        }
        int from = (int) (nextStart - bufferStart);
        float[] scores = scorer.scores(nextStart, buffer, from);
        meter.reset();
        meter.add(buffer, from, from + length);
        Window window = new Window(
                nextStart * 1000 / rate,
                (nextStart + length) * 1000 / rate,
                scores,
                meter.level().rmsDb());
        nextStart += hop;
        return window;
    }

    private void discardBeforeNextWindow() {
        int dead = (int) Math.min(filled, nextStart - bufferStart);
        if (dead > 0) {
            System.arraycopy(buffer, dead, buffer, 0, filled - dead);
            filled -= dead;
            bufferStart += dead;
        }
    }
}
