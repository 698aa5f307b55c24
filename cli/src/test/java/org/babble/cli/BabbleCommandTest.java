package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BabbleCommandTest {

    @Test
    void everySubcommandHasHelpAndIsListedInTopLevelHelp() {
        String help = CliRun.of("--help").expectExit(ExitCode.OK).out();
        CommandLine cli = Cli.create();
        for (String name : cli.getSubcommands().keySet()) {
            assertTrue(help.contains(name), () -> name + " missing from babble --help");
            CliRun sub = CliRun.of(name, "--help");
            assertTrue(
                    sub.exitCode() == ExitCode.OK, () -> name + " --help exited " + sub.exitCode() + ": " + sub.err());
            assertFalse(sub.out().isBlank(), () -> name + " --help printed nothing");
        }
    }

    @Test
    void aCommandLineThatNamesASubcommandBuildsThatOneAlone() {
        assertEquals(
                Set.of("clean"),
                Cli.create(new String[] {"clean", "in.wav", "--out", "x"})
                        .getSubcommands()
                        .keySet());
        assertEquals(
                Set.of("info"),
                Cli.create(new String[] {"--debug", "info", "m.babble"})
                        .getSubcommands()
                        .keySet());
        int all = BabbleCommand.SUBCOMMANDS.size();
        assertEquals(all, Cli.create().getSubcommands().size(), "every subcommand, each under its own name");
        for (String[] args : List.of(
                new String[] {}, new String[] {"--help"}, new String[] {"help", "clean"}, new String[] {"cleen"})) {
            assertEquals(
                    all, Cli.create(args).getSubcommands().size(), () -> String.join(" ", args) + " lists them all");
        }
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        CliRun run = CliRun.of("no-such-command").expectExit(ExitCode.USAGE);
        assertTrue(run.err().contains("no-such-command"), run.err());
    }

    @Test
    void aUsageErrorIsOneLineWithTheCommandsHelpHintNotTheWholeUsage() {
        CliRun run = CliRun.of("classify", "--wav=a.wav", "--how_many_lables=2").expectExit(ExitCode.USAGE);
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.get(0).startsWith("babble: Unknown option: '--how_many_lables=2'"), lines.get(0));
        assertTrue(lines.get(0).contains("; did you mean --how_many_labels or --hop? (see"), lines.get(0));
        assertTrue(lines.get(0).endsWith(" (see 'babble classify --help')"), lines.get(0));
        List<String> missing =
                CliRun.of("freeze").expectExit(ExitCode.USAGE).err().lines().toList();
        assertEquals(1, missing.size(), String.join("\n", missing));
        assertTrue(missing.get(0).contains("--start-checkpoint"), missing.get(0));
    }

    @Test
    void versionNamesTheProject() {
        assertTrue(CliRun.of("--version").expectExit(ExitCode.OK).out().startsWith("babble "));
    }
}
