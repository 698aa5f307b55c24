package org.babble.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.babble.core.BabbleException;
import org.babble.core.FullBuild;
import org.babble.core.io.DiskFullException;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Builds babble's {@link CommandLine} with its error handling, so {@code main} and the tests run exactly the same
 * configuration.
 */
public final class Cli {
    private Cli() {}

    /** babble with every subcommand. */
    public static CommandLine create() {
        return configure(new CommandLine(new BabbleCommand()), BabbleCommand.SUBCOMMANDS);
    }

    /**
     * babble for this command line: with only the subcommand it names (its first argument that is not an option), or
     * with all of them when it names none, names help or completion (which list the others) or is mistyped (the
     * suggestions need every name). What a command does and says is the same either way.
     */
    public static CommandLine create(String[] args) {
        String named = null;
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                named = arg;
                break;
            }
        }
        for (Class<?> command : BabbleCommand.SUBCOMMANDS) {
            CommandLine.Command annotation = command.getAnnotation(CommandLine.Command.class);
            if (annotation.name().equals(named)
                    && command != CommandLine.HelpCommand.class
                    && command != AutoComplete.GenerateCompletion.class) {
                return configure(new CommandLine(new BabbleCommand()), List.of(command));
            }
        }
        return create();
    }

    private static CommandLine configure(CommandLine cli, List<Class<?>> subcommands) {
        subcommands.forEach(cli::addSubcommand);
        cli.setExecutionExceptionHandler(Cli::handleFailure);
        cli.setParameterExceptionHandler(Cli::handleUsageError);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setUsageHelpAutoWidth(true);
        return cli;
    }

    /** Turns a runtime failure into one {@code babble: ...} line on stderr (and a stack trace with --debug). */
    private static int handleFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        err.println("babble: "
                + (FullBuild.missingIn(e)
                        ? FullBuild.message(cli.getCommandSpec().qualifiedName())
                        : messageOf(e)));
        if (parsed.matchedOption("--debug") != null || BabbleCommand.debugRequested(parsed)) {
            e.printStackTrace(err);
        }
        err.flush();
        return e instanceof Interrupted ? ExitCode.INTERRUPTED : ExitCode.FAILED;
    }

    /**
     * A usage error as one {@code babble:} line ending in the command's help hint, instead of picocli's message
     * followed by the whole usage text: a pasted TF command line with one unknown flag should say which, not scroll.
     */
    private static int handleUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println(
                "babble: " + usageMessage(e) + " (see '" + cli.getCommandSpec().qualifiedName() + " --help')");
        if (BabbleCommand.debugRequested(cli.getParseResult())) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCode.USAGE;
    }

    private static String usageMessage(CommandLine.ParameterException e) {
        String message = e.getMessage().strip().replaceAll("\\s*\\R\\s*", "; ");
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> suggestions = suggestions(unmatched);
            if (!suggestions.isEmpty()) {
                return message + "; did you mean "
                        + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))) + "?";
            }
        }
        return message;
    }

    /**
     * picocli's suggestions, one name per option, spelt as the user spells (TF's {@code --how_many_labels} for a
     * misspelt {@code --how_many_lables}, babble's {@code --how-many-labels} for {@code --how-many-lables}).
     */
    private static List<String> suggestions(CommandLine.UnmatchedArgumentException e) {
        boolean underscores = e.getUnmatched().stream().anyMatch(arg -> arg.startsWith("--") && arg.contains("_"));
        Map<Object, String> byOption = new LinkedHashMap<>();
        for (String name : e.getSuggestions()) {
            CommandLine.Model.OptionSpec option =
                    e.getCommandLine().getCommandSpec().findOption(name);
            Object key = option == null ? name : option;
            String kept = byOption.get(key);
            if (kept == null || (name.contains("_") == underscores && kept.contains("_") != underscores)) {
                byOption.put(key, name);
            }
        }
        return new ArrayList<>(byOption.values());
    }

    static String messageOf(Throwable e) {
        if (e instanceof BabbleException || e instanceof Interrupted) {
            return e.getMessage();
        }
        String message = e.getMessage();
        return (message == null ? e.getClass().getSimpleName() : message) + " (run with --debug for details)";
    }

    /**
     * One input's failure in a batch: a {@link BabbleException} as it is (named after {@code input} when it names no
     * file), anything else (an out-of-memory error included) as that input's failure, so the batch goes on with the next
     * file. Ctrl-C is not an input's failure and is thrown on.
     */
    static BabbleException inputFailure(Path input, Throwable e) {
        if (e instanceof Interrupted interrupted) {
            throw interrupted;
        }
        if (e instanceof DiskFullException full) {
            throw full;
        }
        if (e instanceof BabbleException b) {
            return b.file().isPresent()
                    ? b
                    : new BabbleException(input, b.problem(), b.remedy().orElse(null), b);
        }
        if (e instanceof OutOfMemoryError) {
            return new BabbleException(
                    input,
                    "ran out of memory on it (" + e.getMessage() + ")",
                    "check the file, or give babble more memory (BABBLE_JAVA_OPTS=-Xmx8g)",
                    e);
        }
        return new BabbleException(input, messageOf(e), null, e);
    }

    /** Thrown by a command that stopped cleanly on Ctrl-C. */
    public static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Interrupted(String message) {
            super(message);
        }
    }
}
