package dev.conversa;

import dev.conversa.store.LeaseLostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the leases of the inbox and outbox entries this process works on, so that a lease can
 * be short (a stopped process's work is free again within seconds) and still outlive slow work
 * (a model's tool loop, a Graph call with backoff). Every held lease is renewed at a third of
 * its length on one daemon thread. A renewal the store refuses ({@link LeaseLostException}: the
 * entry was claimed by another worker) or that keeps failing until the lease ran out marks the
 * lease lost; the work checks {@link Held#isLost()} before its next side effect and its commit
 * is fenced anyway.
 */
final class LeaseKeeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    /** Renews a claim to {@code now + lease}; throws {@link LeaseLostException} if it is gone. */
    @FunctionalInterface
    interface Renewal {
        void renew(Duration lease, Instant now);
    }

    private final Duration lease;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    LeaseKeeper(Duration lease, Clock clock) {
        this.lease = lease;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "conversa-leases");
            thread.setDaemon(true);
            return thread;
        });
    }

    Duration lease() {
        return lease;
    }

    /**
     * Starts renewing a lease just taken.
     *
     * @param what names the entry in logs, such as {@code "inbox entry 42"}
     * @param renewal how to renew it
     * @return the held lease; close it when the work is done
     */
    Held hold(String what, Renewal renewal) {
        Held held = new Held(what, renewal, clock.instant().plus(lease));
        long every = Math.max(1, lease.toMillis() / 3);
        held.task = timer.scheduleWithFixedDelay(held::renew, every, every, TimeUnit.MILLISECONDS);
        return held;
    }

    /**
     * A lease just taken that is not renewed: it is lost once its length has passed. For work too
     * short to need renewing, such as a delivery status handled in a batch.
     *
     * @param what names the entry in logs
     * @return the held lease
     */
    Held unrenewed(String what) {
        return new Held(what, (length, now) -> { }, clock.instant().plus(lease));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** A lease being renewed. Thread-safe. */
    final class Held implements AutoCloseable {

        private final String what;
        private final Renewal renewal;
        private volatile Instant validUntil;
        private volatile boolean lost;
        private volatile ScheduledFuture<?> task;

        private Held(String what, Renewal renewal, Instant validUntil) {
            this.what = what;
            this.renewal = renewal;
            this.validUntil = validUntil;
        }

        /** Whether another worker may have the entry now: the work must not take another step. */
        boolean isLost() {
            return lost || !clock.instant().isBefore(validUntil);
        }

        /** Throws {@link LeaseLostException} if the lease is lost. */
        void check() {
            if (isLost()) {
                throw new LeaseLostException(what + " lost its lease; another worker may have it");
            }
        }

        /** Notes a renewal made by the work itself (such as marking an outbox entry sending). */
        void renewedAt(Instant now) {
            validUntil = now.plus(lease);
        }

        private void renew() {
            if (lost) {
                return;
            }
            Instant now = clock.instant();
            try {
                renewal.renew(lease, now);
                validUntil = now.plus(lease);
            } catch (LeaseLostException e) {
                lost = true;
                LOG.warn("{} lost its lease: another worker claimed it", what);
                stop();
            } catch (RuntimeException e) {
                LOG.warn("Renewing the lease of {} failed with {}; trying again", what, e.getClass().getName());
                LOG.debug("Renewing the lease of {} failed", what, e);
            }
        }

        private void stop() {
            ScheduledFuture<?> running = task;
            if (running != null) {
                running.cancel(false);
            }
        }

        @Override
        public void close() {
            stop();
        }
    }
}
