package org.babble.core.frozen;

/** Scores clips with {@link TcResnetForwardPass}, clip by clip, without DL4J or ND4J. */
record PlainScorer(TcResnetForwardPass runner, int perClip) implements FrozenModel.Scorer {
    @Override
    public float[][] scores(float[] features, int clips) {
        float[][] scores = new float[clips][];
        for (int c = 0; c < clips; c++) {
            scores[c] = runner.scores(features, c * perClip);
        }
        return scores;
    }
}
