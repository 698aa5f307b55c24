package org.babble.dataset.label;

/**
 * A model's guess for a clip being labelled: its top label and score. Shown beside the clip, accepted with Enter, and
 * used to put the clips the model is least sure of first, where a person's key teaches the next model most.
 */
public record Guess(String label, double score) {}
