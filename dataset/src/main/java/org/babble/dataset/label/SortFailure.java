package org.babble.dataset.label;

import java.nio.file.Path;

/** A clip that could not be sorted (unreadable, or the copy failed); it stays where it was, untouched. */
public record SortFailure(Path file, String message) {}
