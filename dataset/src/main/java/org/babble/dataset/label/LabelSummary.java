package org.babble.dataset.label;

/** One row of a sorting summary: a folder, how many clips went there, and the mean of their top scores (NaN if none). */
public record LabelSummary(String label, int clips, double meanScore) {}
