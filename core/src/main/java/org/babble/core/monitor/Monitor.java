package org.babble.core.monitor;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.babble.core.BabbleException;
import org.babble.core.audio.AudioClip;
import org.babble.core.capture.AudioSource;
import org.babble.core.capture.CaptureFormat;
import org.babble.core.evaluate.TopScore;
import org.babble.core.io.DiskFullException;
import org.babble.core.monitor.store.RunRecorder;
import org.babble.core.monitor.store.WindowRow;
import org.babble.core.recognition.Episode;
import org.babble.core.recognition.EpisodeDetector;

/**
 * The all-night loop: reads blocks from the source, mixes them down and resamples them to the model's rate once
 * ({@link ModelRateStream}), classifies a clip-length window every hop, smooths the scores into
 * episodes exactly as {@code babble classify} does ({@link EpisodeDetector}), and writes every window and episode to the
 * database as it happens. Time is audio time from {@link MonitorSettings#origin()} (exact for replays, drift-free for
 * a device); after a lost device is reopened the clock is re-anchored to the wall clock.
 *
 * <p>{@link #stop()} may be called from another thread (a shutdown hook): the loop finishes its window, closes open
 * episodes and the run, and returns.
 */
public final class Monitor {
    private static final long FIRST_RETRY_MS = 1000;
    private static final long MAX_RETRY_MS = 60_000;

    private final WindowScorer scorer;
    private final MonitorSettings settings;
    private final RunRecorder recorder;
    private final MonitorListener listener;
    private final DetectHook hook;
    private volatile boolean stopping;
    private volatile Thread runner;

    public Monitor(WindowScorer scorer, MonitorSettings settings, RunRecorder recorder, MonitorListener listener) {
        this.scorer = scorer;
        this.settings = settings;
        this.recorder = recorder;
        this.listener = listener;
        this.hook = settings.onDetect()
                .map(cmd -> new DetectHook(cmd, settings.onDetectEveryMs()))
                .orElse(null);
    }

    /** Asks the loop to finish cleanly; safe from any thread. */
    public void stop() {
        stopping = true;
        Thread t = runner;
        if (t != null) {
            t.interrupt();
        }
    }

    /** What a finished run did. */
    public record Summary(long windows, int episodes, double audioSeconds, String endReason) {}

    /** Runs until the source ends or {@link #stop()}; a source that fails is reopened with backoff. */
    public Summary run(SourceOpener opener) {
        runner = Thread.currentThread();
        EpisodeDetector detector = new EpisodeDetector(scorer.labels(), settings.recognition());
        Map<String, Long> openIds = new HashMap<>();
        long windows = 0;
        int episodes = 0;
        String reason = "end of input";
        Instant origin = settings.origin();
        long offsetMs = 0; // audio time of the current source's first frame
        long nowMs = 0;
        EpisodeAudio keeper = null;
        AudioSource source = null;
        long retryMs = FIRST_RETRY_MS;
        try {
            outer:
            while (!stopping) {
                try {
                    source = opener.open();
                } catch (BabbleException e) {
                    listener.note("cannot open audio: " + e.getMessage() + "; retrying in " + retryMs / 1000 + " s");
                    if (!sleep(retryMs)) {
                        break;
                    }
                    retryMs = Math.min(MAX_RETRY_MS, retryMs * 2);
                    continue;
                }
                CaptureFormat format = source.format();
                int rate = format.sampleRate();
                int channels = format.channels();
                int hopFrames = (int) Math.max(1, settings.hopMs() * rate / 1000);
                if (keeper == null && settings.keepAudio().isPresent()) {
                    long r = settings.recognition().averageWindowMs()
                            + settings.recognition().suppressionMs();
                    keeper = new EpisodeAudio(
                            settings.keepAudio().get(), rate, scorer.clipMs(), 2 * scorer.clipMs() + r, 10 * 60_000);
                }
                float[][] block = new float[channels][Math.max(1024, hopFrames)];
                ModelRateStream stream = new ModelRateStream(rate, scorer, settings.hopMs());
                try {
                    while (!stopping) {
                        int n = source.read(block, block[0].length);
                        boolean ended = n < 0;
                        if (!ended && keeper != null) {
                            keeper.append(block, n);
                        }
                        stream.add(ended ? null : AudioClip.mixdown(block, n));
                        for (ModelRateStream.Window w = stream.next(); w != null; w = stream.next()) {
                            long startMs = offsetMs + w.startMs();
                            nowMs = startMs;
                            episodes += classify(
                                    w.scores(),
                                    w.levelDb(),
                                    startMs,
                                    offsetMs + w.endMs(),
                                    origin,
                                    detector,
                                    openIds,
                                    keeper);
                            windows++;
                        }
                        if (ended) {
                            break outer;
                        }
                        retryMs = FIRST_RETRY_MS;
                    }
                } catch (DiskFullException e) {
                    throw e; // no window or episode can be stored any more: stop at once, the database stays whole
                } catch (BabbleException | IllegalStateException e) {
                    listener.note("audio lost: " + e.getMessage() + "; reopening in " + retryMs / 1000 + " s");
                    closeQuietly(source);
                    source = null;
                    if (!sleep(retryMs)) {
                        break;
                    }
                    retryMs = Math.min(MAX_RETRY_MS, retryMs * 2);
                    // the gap is real time the device did not hear: re-anchor audio time to the wall clock
                    offsetMs = Math.max(nowMs + scorer.clipMs(), Instant.now().toEpochMilli() - origin.toEpochMilli());
                }
            }
            if (stopping) {
                reason = "stopped";
            }
        } finally {
            closeQuietly(source);
            for (Episode e : detector.finish()) {
                settle(e, origin, openIds, keeper);
            }
            Instant end = origin.plusMillis(nowMs + scorer.clipMs());
            recorder.finish(end, reason);
            runner = null;
            Thread.interrupted(); // a stop() that raced the end must not leak into the caller
        }
        return new Summary(windows, episodes, nowMs / 1000.0 + (windows > 0 ? scorer.clipMs() / 1000.0 : 0), reason);
    }

    /** Scores one window, stores it and the episodes it opens or settles; returns the number of episodes opened. */
    private int classify(
            float[] scores,
            double level,
            long startMs,
            long endMs,
            Instant origin,
            EpisodeDetector detector,
            Map<String, Long> openIds,
            EpisodeAudio keeper) {
        int top = TopScore.index(scores);
        List<String> labels = scorer.labels();
        Instant start = origin.plusMillis(startMs);
        recorder.addWindow(new WindowRow(start, origin.plusMillis(endMs), labels.get(top), scores, level));
        listener.window(start, labels.get(top), scores[top], level);
        listener.scores(start, scores);
        detector.add(startMs, endMs, scores);
        for (Episode e : detector.takeSettled(startMs)) {
            settle(e, origin, openIds, keeper);
        }
        int opened = 0;
        for (Episode e : detector.openEpisodes()) {
            if (!openIds.containsKey(e.label())) {
                Instant episodeStart = origin.plusMillis(e.startMs());
                openIds.put(e.label(), recorder.openEpisode(e.label(), episodeStart, e.peak()));
                opened++;
                listener.episodeStarted(episodeStart, e);
                if (keeper != null) {
                    keeper.start(e.label(), e.startMs());
                }
                if (hook != null && e.label().equals(settings.label())) {
                    try {
                        hook.fire(e.label(), e.peak(), episodeStart, startMs);
                    } catch (IOException failed) {
                        listener.note("--on-detect could not start: " + failed.getMessage());
                    }
                }
            }
        }
        return opened;
    }

    private void settle(Episode e, Instant origin, Map<String, Long> openIds, EpisodeAudio keeper) {
        Long id = openIds.remove(e.label());
        Instant start = origin.plusMillis(e.startMs());
        Instant end = origin.plusMillis(e.endMs());
        if (id == null) {
            id = recorder.openEpisode(e.label(), start, e.peak());
        }
        recorder.closeEpisode(id, start, end, e.peak());
        if (keeper != null) {
            recorder.keptAudio(id, keeper.finish(e.label(), e.startMs(), e.endMs(), start));
        }
        listener.episodeEnded(start, end, e);
    }

    private boolean sleep(long ms) {
        try {
            Thread.sleep(ms);
            return !stopping;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private static void closeQuietly(AudioSource source) {
        if (source != null) {
            try {
                source.close();
            } catch (RuntimeException ignored) {
                // a device that is already gone cannot be closed any further
            }
        }
    }
}
