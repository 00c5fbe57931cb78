package dev.conversa.privacy;

import dev.conversa.model.TenantId;
import dev.conversa.store.PurgeScope;
import dev.conversa.store.Stores;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what a {@link RetentionPolicy} no longer allows to keep. {@code Conversa.start()} runs
 * it on a schedule ({@code Conversa.Builder.retentionEvery}, default hourly); a host can also run
 * it itself with {@link #run(Instant)}.
 *
 * <p>Each class is purged in batches (at most {@value #CONVERSATION_BATCH} conversations or
 * {@value #ROW_BATCH} rows), each its own short transaction, so no lock is held for long and a
 * run stopped half-way loses nothing: the next run goes on. Running again at the same time
 * removes nothing more (idempotent). Data at exactly its period's age is removed (the cut-off is
 * inclusive). A conversation with work in flight is never removed, whatever its age. A class
 * whose purge fails is logged (without personal data), reported in {@link
 * RetentionReport#failed()}, and tried again at the next run; the other classes go on.
 *
 * <pre>{@code
 * RetentionReport report = conversa.retention().run(Instant.now());
 * int conversations = report.removed(DataClass.CONVERSATIONS);
 * }</pre>
 *
 * <p>Thread-safe; runs may overlap (each batch re-checks what it removes).
 */
public final class RetentionJob {

    /** The most conversations one transaction removes. */
    public static final int CONVERSATION_BATCH = 50;
    /** The most inbox, outbox, audit or deletion request rows one transaction removes. */
    public static final int ROW_BATCH = 500;

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final Stores stores;
    private final RetentionPolicy policy;

    private RetentionJob(Stores stores, RetentionPolicy policy) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Creates a job over some stores.
     *
     * @param stores the stores to purge
     * @param policy the periods
     * @return the job
     */
    public static RetentionJob create(Stores stores, RetentionPolicy policy) {
        return new RetentionJob(stores, policy);
    }

    /**
     * The policy this job applies.
     *
     * @return the policy
     */
    public RetentionPolicy policy() {
        return policy;
    }

    /**
     * Removes, for every tenant, what is at least as old as its class's period at {@code now}.
     *
     * @param now the time to measure ages against
     * @return what was removed, and which classes failed
     */
    public RetentionReport run(Instant now) {
        Objects.requireNonNull(now, "now");
        Map<DataClass, Integer> removed = new EnumMap<>(DataClass.class);
        Set<DataClass> failed = EnumSet.noneOf(DataClass.class);
        for (DataClass dataClass : DataClass.values()) {
            Counter counter = new Counter();
            try {
                purge(dataClass, now, counter);
            } catch (RuntimeException e) {
                failed.add(dataClass);
                LOG.warn("Retention purge of {} failed after removing {}; it is tried again at the next run: {}",
                        dataClass, counter.total, e.toString());
            }
            removed.put(dataClass, counter.total);
        }
        RetentionReport report = new RetentionReport(now, removed, failed);
        if (report.removed().values().stream().anyMatch(count -> count > 0)) {
            LOG.info("Retention purge removed {}", new EnumMap<>(report.removed()));
        }
        return report;
    }

    private void purge(DataClass dataClass, Instant now, Counter counter) {
        if (dataClass == DataClass.DEAD_LETTERS) {
            policy.defaultPeriod(dataClass).ifPresent(period ->
                    counter.total += stores.deadLetters().purge(now.minus(period).plusNanos(1_000)));
            return;
        }
        Set<TenantId> own = policy.tenantsWithOwnPeriod(dataClass);
        for (TenantId tenant : own) {
            Optional<Duration> period = policy.period(tenant, dataClass);
            if (period.isPresent()) {
                purge(dataClass, PurgeScope.tenant(tenant), now.minus(period.get()), counter);
            }
        }
        Optional<Duration> period = policy.defaultPeriod(dataClass);
        if (period.isPresent()) {
            purge(dataClass, PurgeScope.allTenantsExcept(own), now.minus(period.get()), counter);
        }
    }

    private void purge(DataClass dataClass, PurgeScope scope, Instant cutoff, Counter counter) {
        int batch = dataClass == DataClass.CONVERSATIONS ? CONVERSATION_BATCH : ROW_BATCH;
        int removed;
        do {
            removed = purgeBatch(dataClass, scope, cutoff, batch);
            counter.total += removed;
        } while (removed == batch);
    }

    private int purgeBatch(DataClass dataClass, PurgeScope scope, Instant cutoff, int batch) {
        return switch (dataClass) {
            case CONVERSATIONS -> stores.conversations().purgeIdle(scope, cutoff, batch);
            case PROCESSED_INBOX -> stores.inbox().purgeProcessed(scope, cutoff, batch);
            case FINISHED_OUTBOX -> stores.outbox().purgeFinished(scope, cutoff, batch);
            case AUDIT -> stores.audit().purge(scope, cutoff, batch);
            case DONE_DELETION_REQUESTS -> stores.deletionRequests().purgeDone(scope, cutoff, batch);
            case DEAD_LETTERS -> throw new IllegalStateException("dead letters are purged without a scope");
        };
    }

    /** A running count, kept when a later batch fails. */
    private static final class Counter {
        private int total;
    }
}
