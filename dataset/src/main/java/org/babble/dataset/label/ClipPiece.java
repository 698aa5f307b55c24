package org.babble.dataset.label;

/** One clip to cut: frames {@code [startFrame, startFrame + frames)} of the recording, going to {@code label}. */
public record ClipPiece(String label, long startFrame, int frames, int annotationLine) {}
