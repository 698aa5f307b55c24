package org.babble.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.babble.core.BabbleException;
import org.babble.core.train.RunCommandLine;
import org.babble.core.train.RunConfiguration;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * What {@code train --start-checkpoint} resumes with: the checkpoint's own configuration, never today's flags, so the
 * run continues as it started. A flag typed that restates the run is fine; one that contradicts it is a usage error
 * naming the flag, the run's value and the value given. The steps are the exception: the last phase may grow, to
 * train an existing run for longer.
 *
 * <p>The run's values are read by parsing its command line ({@link RunCommandLine}) with {@code babble train}'s own
 * options, so each flag is compared as picocli converts it, whichever spelling was typed.
 */
final class ResumedRun {
    private static final String STEPS = "--how-many-training-steps";
    /** Where the data is now, not what the run is: a run may resume on another machine. */
    private static final Set<String> NOT_COMPARED = Set.of(STEPS, "--data-dir");

    private ResumedRun() {}

    /** The configuration to resume {@code saved} (read from {@code file}) with, given the flags typed in {@code cli}. */
    static RunConfiguration configuration(Path file, RunConfiguration saved, CommandLine cli) {
        if (!saved.isComplete()) {
            throw new BabbleException(
                    file,
                    "written by a babble that did not save the run's augmentation, so it"
                            + " cannot be resumed exactly",
                    "freeze or evaluate it as it is, or start a fresh run (--force)");
        }
        ParseResult typed = cli.getParseResult();
        ParseResult run = new CommandLine(new TrainCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .parseArgs(RunCommandLine.of(saved).toArray(String[]::new));
        for (OptionSpec option : typed.matchedOptions()) {
            String name = option.names()[0];
            OptionSpec own = run.matchedOption(name);
            if (own != null && !NOT_COMPARED.contains(name) && !same(option.getValue(), own.getValue())) {
                throw contradiction(cli, file, option, own.getValue(), option.getValue(), "");
            }
        }
        OptionSpec steps = typed.matchedOption(STEPS);
        if (steps == null) {
            return saved;
        }
        List<Integer> given = steps.getValue();
        List<Integer> had = saved.training().howManyTrainingSteps();
        int last = had.size() - 1;
        if (given.size() != had.size()
                || !given.subList(0, last).equals(had.subList(0, last))
                || given.get(last) < had.get(last)) {
            throw contradiction(cli, file, steps, had, given, " (a resumed run may only lengthen its last phase)");
        }
        return saved.withSteps(given, saved.training().learningRates());
    }

    private static ParameterException contradiction(
            CommandLine cli, Path file, OptionSpec option, Object had, Object given, String note) {
        return new ParameterException(
                cli,
                IgnoredFreezeFlags.typedName(option, cli.getParseResult()) + ": the run in "
                        + file + " has " + text(had) + ", the command line " + text(given) + note
                        + "; leave the flag out (a"
                        + " resumed run keeps its configuration) or start a fresh run with --force");
    }

    private static boolean same(Object given, Object had) {
        return (given instanceof String g && had instanceof String h) ? g.equalsIgnoreCase(h) : given.equals(had);
    }

    private static String text(Object value) {
        String text = value instanceof List<?> list
                ? String.join(",", list.stream().map(String::valueOf).toList())
                : String.valueOf(value);
        return text.toLowerCase(Locale.ROOT);
    }
}
