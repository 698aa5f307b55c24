package org.babble.cli;

/** The machine-readable alternatives to babble's human text output. */
public enum OutputFormat {
    TEXT,
    JSON,
    CSV
}
