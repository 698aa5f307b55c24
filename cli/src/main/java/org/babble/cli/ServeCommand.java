package org.babble.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.babble.cli.web.WebServer;
import org.babble.core.monitor.store.MonitorDatabase;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code babble serve}: the parent's page over a monitor database, while a monitor writes it or afterwards. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Serve a phone-friendly page over babble monitor's database: what is heard now, tonight's episodes",
            "with their audio (from monitor --keep-audio), right / false alarm buttons, and minutes per day and hour.",
            "The page and its JSON API are described in docs/serve.md. Stop with Ctrl-C."
        })
public final class ServeCommand implements Callable<Integer> {
    @Option(
            names = "--db",
            defaultValue = "babble.db",
            paramLabel = "FILE",
            description = "Monitor database to show (default: ${DEFAULT-VALUE}).")
    Path db;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Mixin
    WebMixin web;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        var settings = web.settings(spec.commandLine(), port);
        MonitorDatabase.openForReading(db).close(); // one clear line for a missing or foreign file, before listening
        CountDownLatch stopped = new CountDownLatch(1);
        try (WebServer server = WebServer.start(settings, db, ZoneId.systemDefault(), line -> {
            err.println("babble: " + line);
            err.flush();
        })) {
            err.println("babble: serving " + db + " on " + server.address() + " (Ctrl-C stops)");
            err.flush();
            StopOnSignal stop = StopOnSignal.install("babble-serve-stop", stopped::countDown, Duration.ofSeconds(5));
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCode.INTERRUPTED;
            } finally {
                stop.close();
            }
        }
        return ExitCode.OK;
    }
}
