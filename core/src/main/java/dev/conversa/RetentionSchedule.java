package dev.conversa;

import dev.conversa.privacy.RetentionJob;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link RetentionJob}, then carries out pending {@link DataDeletions data deletion
 * requests}, on one daemon thread ({@code conversa-retention}): first a
 * minute after start (or after the interval, if shorter), then every interval. A run that
 * fails is logged without personal data and the next run tries again; {@link #close()} stops
 * the thread, waiting a bounded time for a run in progress.
 */
final class RetentionSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);
    private static final Duration FIRST_RUN = Duration.ofMinutes(1);

    private final RetentionJob job;
    private final DataDeletions deletions;
    private final Clock clock;
    private final Duration every;
    private ScheduledExecutorService executor;

    RetentionSchedule(RetentionJob job, DataDeletions deletions, Clock clock, Duration every) {
        this.job = job;
        this.deletions = deletions;
        this.clock = clock;
        this.every = every;
    }

    synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "conversa-retention");
            thread.setDaemon(true);
            return thread;
        });
        long first = Math.min(FIRST_RUN.toMillis(), every.toMillis());
        executor.scheduleWithFixedDelay(this::runOnce, first, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void runOnce() {
        try {
            job.run(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("Retention run failed; the next run tries again: {}", e.getClass().getName());
        }
        try {
            deletions.run(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("Data deletion run failed; the next run tries again: {}", e.getClass().getName());
        }
    }

    @Override
    public synchronized void close() {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("The retention run did not stop within 10 seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }
}
