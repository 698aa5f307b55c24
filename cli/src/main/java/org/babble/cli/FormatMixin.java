package org.babble.cli;

import picocli.CommandLine.Option;

/** {@code --format text|json|csv}, shared by every command that prints results. */
public final class FormatMixin {
    @Option(
            names = "--format",
            defaultValue = "text",
            paramLabel = "text|json|csv",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    public OutputFormat format;
}
