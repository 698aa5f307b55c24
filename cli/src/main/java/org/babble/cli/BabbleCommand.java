package org.babble.cli;

import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code babble} command: lists the subcommands and holds the options every subcommand shares. */
@Command(
        name = "babble",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Turn a microphone and a few nights of recordings into a sound detector.")
public final class BabbleCommand implements Runnable {
    /**
     * The subcommands, in the order help lists them. {@link Cli} adds them, all or only the one a command line names:
     * picocli builds a command's whole model when it is added, which for all of them is about a tenth of a second of
     * every start.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            CommandLine.HelpCommand.class,
            AutoComplete.GenerateCompletion.class,
            DemoCommand.class,
            RecordCommand.class,
            StatsCommand.class,
            CleanCommand.class,
            LabelCommand.class,
            FeaturesCommand.class,
            TrainCommand.class,
            EvaluateCommand.class,
            CalibrateCommand.class,
            FreezeCommand.class,
            InfoCommand.class,
            ExportCommand.class,
            ClassifyCommand.class,
            MonitorCommand.class,
            ReportCommand.class,
            ServeCommand.class);

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces on failure.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static boolean debugRequested(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
