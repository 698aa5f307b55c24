package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM (what Ctrl-C and a service manager send) against a child JVM whose work is guarded by a StopOnSignal. */
class StopOnSignalTest {
    @TempDir
    Path dir;

    @Test
    void aSignalAsksTheWorkToStopAndWaitsUntilItHasClosedItsFiles() throws Exception {
        Path closed = dir.resolve("closed");
        Process child = startWork(closed, "500", "10000");
        child.destroy();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child should exit after the signal");
        assertEquals("closed after 500 ms of cleaning up", Files.readString(closed));
    }

    @Test
    void workThatWillNotFinishIsLeftBehindWhenTheWaitRunsOut() throws Exception {
        Path closed = dir.resolve("closed");
        Process child = startWork(closed, "60000", "300");
        long signalled = System.nanoTime();
        child.destroy();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child should exit once the wait runs out");
        assertTrue(System.nanoTime() - signalled < TimeUnit.SECONDS.toNanos(20), "exited long before its work ended");
        assertFalse(Files.exists(closed));
    }

    /** Starts {@link Work} and returns once it is working. */
    private static Process startWork(Path closed, String cleanupMs, String waitMs) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        Work.class.getName(),
                        closed.toString(),
                        cleanupMs,
                        waitMs)
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("working", out.readLine());
        return child;
    }

    /** A stand-in for record, monitor or train: works until asked to stop, then takes a while to close its files. */
    public static final class Work {
        public static void main(String[] args) throws Exception {
            Path closed = Path.of(args[0]);
            long cleanupMs = Long.parseLong(args[1]);
            AtomicBoolean stopRequested = new AtomicBoolean();
            try (StopOnSignal stop = StopOnSignal.install(
                    "test-stop", () -> stopRequested.set(true), Duration.ofMillis(Long.parseLong(args[2])))) {
                System.out.println("working");
                System.out.flush();
                while (!stopRequested.get()) {
                    Thread.sleep(10);
                }
                Thread.sleep(cleanupMs);
                Files.writeString(closed, "closed after " + cleanupMs + " ms of cleaning up");
            }
        }
    }
}
