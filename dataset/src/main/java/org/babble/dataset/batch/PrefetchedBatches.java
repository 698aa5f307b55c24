package org.babble.dataset.batch;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.LongFunction;
import org.babble.core.BabbleException;

/**
 * Training batches for consecutive steps made on a background thread and handed over through a bounded queue, so the
 * next batch is featurised while the network trains on this one. Batches are the same as made in the foreground: each
 * depends on its step number only.
 */
public final class PrefetchedBatches implements AutoCloseable {
    private final BlockingQueue<Object> queue;
    private final Thread producer;
    private long nextStep;

    PrefetchedBatches(LongFunction<Batch> maker, long firstStep, int queueDepth) {
        if (queueDepth < 1) {
            throw new IllegalArgumentException("queueDepth must be at least 1, got " + queueDepth);
        }
        this.queue = new ArrayBlockingQueue<>(queueDepth);
        this.nextStep = firstStep;
        this.producer = new Thread(
                () -> {
                    try {
                        for (long step = firstStep; !Thread.currentThread().isInterrupted(); step++) {
                            queue.put(maker.apply(step));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        try {
                            queue.put(e);
                        } catch (InterruptedException ignored) {
                            Thread.currentThread().interrupt();
                        }
                    }
                },
                "babble-batch-prefetch");
        producer.setDaemon(true);
        producer.start();
    }

    /** The batch of the next step, waiting for it if it is not ready yet. */
    public Batch next() {
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BabbleException("interrupted while waiting for a training batch", null);
        }
        if (item instanceof RuntimeException failure) {
            throw failure;
        }
        nextStep++;
        return (Batch) item;
    }

    /** The step whose batch {@link #next()} returns. */
    public long nextStep() {
        return nextStep;
    }

    @Override
    public void close() {
        producer.interrupt();
        queue.clear();
        try {
            producer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
