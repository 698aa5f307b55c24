package org.babble.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets Ctrl-C or SIGTERM end long work cleanly. The JVM runs shutdown hooks and then exits, so the hook asks the work
 * to stop and holds the exit until the work has closed its files (or the wait runs out): record, monitor and train
 * never die halfway through a chunk, a database row or a checkpoint.
 */
final class StopOnSignal implements AutoCloseable {
    private final Thread hook;
    private final CountDownLatch finished = new CountDownLatch(1);

    private StopOnSignal(String name, Runnable requestStop, Duration wait) {
        hook = new Thread(
                () -> {
                    requestStop.run();
                    try {
                        finished.await(wait.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                name);
    }

    /** Installs a hook that calls {@code requestStop} on a signal and then waits up to {@code wait} for {@link #close}. */
    static StopOnSignal install(String name, Runnable requestStop, Duration wait) {
        StopOnSignal stop = new StopOnSignal(name, requestStop, wait);
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /** The work is over: a waiting hook lets the JVM exit; with no signal, the hook is removed. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // a signal came: the hook is running and was waiting for this
        }
    }
}
