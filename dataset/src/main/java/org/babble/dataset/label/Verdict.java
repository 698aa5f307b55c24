package org.babble.dataset.label;

/**
 * A person's judgement of one detection kept by {@code monitor --keep-audio}: {@code target} names a kept clip (its
 * path under the review folder, or its file name) or a whole episode (the name before {@code _nohash_}, which all its
 * pieces share).
 *
 * @param target what was judged
 * @param right  whether the model was right to detect it
 * @param line   the verdict file's line, for messages
 */
public record Verdict(String target, boolean right, int line) {}
