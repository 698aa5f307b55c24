package org.babble.core.model;

/** What a run prints first: which network, how big, how costly per clip. */
public record ModelSummary(Architecture architecture, ModelShape shape, long parameters, long multiplyAddsPerClip) {
    public String describe() {
        return String.format(
                "architecture %s: %d frames x %d bins -> %d labels, %,d parameters, %,d multiply-adds per " + "clip",
                architecture.flagName(),
                shape.frames(),
                shape.bins(),
                shape.numLabels(),
                parameters,
                multiplyAddsPerClip);
    }
}
