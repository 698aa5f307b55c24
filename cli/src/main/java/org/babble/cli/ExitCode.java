package org.babble.cli;

/** babble's exit codes, in one place so scripts and cron jobs can rely on them. */
public final class ExitCode {
    /** Everything worked. */
    public static final int OK = 0;
    /** A file or a run failed (bad input, I/O, training diverged). */
    public static final int FAILED = 1;
    /** The command line was wrong (picocli's convention). */
    public static final int USAGE = 2;
    /** A check the user asked for did not hold (e.g. {@code classify --fail-unless}). */
    public static final int CHECK_FAILED = 3;
    /** Interrupted by Ctrl-C after a clean stop. */
    public static final int INTERRUPTED = 130;

    private ExitCode() {}
}
