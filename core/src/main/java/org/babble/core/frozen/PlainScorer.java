package org.babble.core.frozen;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Scores clips with {@link TcResnetForwardPass}, without DL4J or ND4J. A batch (a long recording's windows, an
 * evaluation's clips) is split into one contiguous run of clips per core, each scored by its own forward pass, since
 * a pass reuses its scratch buffers; a few clips stay on the calling thread, where handing work over costs more than
 * it saves.
 */
final class PlainScorer implements FrozenModel.Scorer {
    /** Clips per core below which a batch is not split. */
    static final int CLIPS_PER_PART = 8;

    private final TcResnetWeights weights;
    private final int frames;
    private final int perClip;
    private final List<TcResnetForwardPass> runners = new ArrayList<>();

    PlainScorer(TcResnetWeights weights, int frames, int perClip) {
        this.weights = weights;
        this.frames = frames;
        this.perClip = perClip;
        runners.add(new TcResnetForwardPass(weights, frames));
    }

    TcResnetWeights weights() {
        return weights;
    }

    @Override
    public float[][] scores(float[] features, int clips) {
        float[][] scores = new float[clips][];
        int parts = Math.min(Runtime.getRuntime().availableProcessors(), clips / CLIPS_PER_PART);
        if (parts <= 1) {
            score(runners.get(0), features, 0, clips, scores);
            return scores;
        }
        while (runners.size() < parts) { // callers are serialised (FrozenModel), so growing the list here is safe
            runners.add(new TcResnetForwardPass(weights, frames));
        }
        IntStream.range(0, parts)
                .parallel()
                .forEach(p -> score(
                        runners.get(p),
                        features,
                        (int) ((long) clips * p / parts),
                        (int) ((long) clips * (p + 1) / parts),
                        scores));
        return scores;
    }

    private void score(TcResnetForwardPass runner, float[] features, int from, int to, float[][] scores) {
        for (int c = from; c < to; c++) {
            scores[c] = runner.scores(features, c * perClip);
        }
    }
}
