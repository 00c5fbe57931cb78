package dev.conversa;

import dev.conversa.model.AccountEvent;
import dev.conversa.model.InboundMessage;
import dev.conversa.pipeline.Pipeline;
import dev.conversa.store.AccountStore;
import dev.conversa.store.Inbox;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.LeaseLostException;
import dev.conversa.store.Stores;
import dev.conversa.store.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs inbox entries through the pipeline: one ordered lane per conversation (the inbox never
 * hands out two entries of one conversation at once), many lanes in parallel up to the
 * configured concurrency. Each entry's lease is renewed while it runs ({@link LeaseKeeper}). A
 * failed entry is retried with backoff and parked after its last attempt; a failure in one lane
 * never stops another. Attempts are counted when an entry is claimed, so an entry whose
 * processing stops the process is parked too once it was claimed {@code maxAttempts} times. An
 * entry's pass and its completion are one {@link UnitOfWork} (one transaction with the JDBC
 * stores): the entry is handled and completed together, or not at all and tried again; a reply
 * task's responder runs outside it ({@link UnitOfWork#outside}), so what came before commits
 * and no transaction waits on a model. Delivery statuses are handled in batches: those of one
 * claim together, each with the statuses that follow it in its conversation, in one unit of
 * work. An entry of an account that is no longer registered (disconnected) is completed without
 * processing: a disconnected account's events already in the inbox get no reply (an account
 * event counts as registered while any account of its business account is).
 */
final class Dispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final String WORKER = "conversa-dispatcher";
    /** The most statuses of one conversation claimed after a held one ({@link Inbox#claimStatusRun}). */
    static final int RUN = 100;

    private final Inbox inbox;
    private final UnitOfWork unitOfWork;
    private final AccountStore accounts;
    private final Pipeline pipeline;
    private final Clock clock;
    private final LeaseKeeper leases;
    private final int maxAttempts;
    private final Backoff backoff;
    private final Runnable wakeOutbox;
    private final Consumer<InboxEntry> timers;
    private final WorkLoop<List<InboxEntry>> loop;

    /**
     * Creates the dispatcher.
     *
     * @param wakeOutbox wakes the outbox sender: called after an entry whose pass queued a message
     *     (and after any entry but a customer's message, a reply task or a delivery status, which
     *     may change what the sender may do without queueing), once the pass committed
     * @param timers runs a due timer entry (a queue's SLA check) instead of the pipeline
     */
    Dispatcher(Stores stores, Pipeline pipeline, Clock clock, Settings settings, LeaseKeeper leases,
            Runnable wakeOutbox, Consumer<InboxEntry> timers) {
        this.timers = timers;
        this.inbox = stores.inbox();
        this.accounts = stores.accounts();
        this.unitOfWork = stores.unitOfWork();
        this.wakeOutbox = wakeOutbox;
        this.pipeline = pipeline;
        this.clock = clock;
        this.leases = leases;
        this.maxAttempts = settings.maxAttempts();
        this.backoff = settings.backoff();
        this.loop = new WorkLoop<>(WORKER, settings.concurrency(), settings.pollInterval(),
                max -> batches(inbox.claim(WORKER, max, leases.lease(), clock.instant())), this::processBatch, List::size,
                WorkerThreads.create(WORKER, settings.concurrency()), settings.intake());
    }

    void start() {
        loop.start();
    }

    void wake() {
        loop.wake();
    }

    /** Handles a batch from {@link #batches}: one entry, or delivery statuses together. */
    void processBatch(List<InboxEntry> batch) {
        if (batch.size() == 1 && !batch.get(0).isDeliveryStatus()) {
            process(batch.get(0));
        } else {
            statuses(batch);
        }
    }

    void process(InboxEntry entry) {
        if (entry.isDeliveryStatus()) {
            statuses(List.of(entry));
            return;
        }
        long queuedBefore = pipeline.queued();
        try (LeaseKeeper.Held held = hold(entry)) {
            handle(entry, held);
        } finally {
            wakeOutboxAfter(entry, queuedBefore);
        }
    }

    /**
     * Wakes the outbox sender after a pass that queued a message, or whose entry may change what
     * the sender may do otherwise (an account or policy event, a timer). After a customer's message
     * or a reply task that queued nothing, or a delivery status, it is left to its poll: waking it
     * costs a claim that finds nothing (a third of the transactions of a webhook of statuses).
     */
    private void wakeOutboxAfter(InboxEntry entry, long queuedBefore) {
        boolean quiet = entry.isDeliveryStatus() || entry.isReplyTask()
                || entry.event().filter(InboundMessage.class::isInstance).isPresent();
        if (!quiet || pipeline.queued() != queuedBefore) {
            wakeOutbox.run();
        }
    }

    /**
     * Groups a claim's delivery statuses into one batch, handled in one unit of work; every other
     * entry is a batch of its own.
     */
    static List<List<InboxEntry>> batches(List<InboxEntry> claimed) {
        List<List<InboxEntry>> batches = new ArrayList<>();
        List<InboxEntry> statuses = new ArrayList<>();
        for (InboxEntry entry : claimed) {
            if (entry.isDeliveryStatus()) {
                statuses.add(entry);
            } else {
                batches.add(List.of(entry));
            }
        }
        if (!statuses.isEmpty()) {
            batches.add(List.copyOf(statuses));
        }
        return batches;
    }

    /**
     * Handles claimed delivery statuses in one unit of work, each followed by the statuses that
     * come next in its conversation ({@link Inbox#claimStatusRun}, claimed inside the same unit):
     * a webhook of a thousand statuses costs a few transactions, not one per status. Each status
     * runs in a unit of its own inside, so one that fails is undone and retried alone while the
     * rest complete; statuses only move forward, so one retried later loses nothing. If the unit
     * cannot commit, nothing of it holds and every claimed entry is tried again.
     */
    private void statuses(List<InboxEntry> claimed) {
        long queuedBefore = pipeline.queued();
        List<LeaseKeeper.Held> holds = claimed.stream().map(this::hold).toList();
        try {
            unitOfWork.run(() -> {
                for (int i = 0; i < claimed.size(); i++) {
                    InboxEntry entry = claimed.get(i);
                    List<InboxEntry> run = holds.get(i).isLost() ? List.of()
                            : inbox.claimStatusRun(WORKER, entry, RUN, leases.lease(), clock.instant());
                    handle(entry, holds.get(i));
                    for (InboxEntry next : run) {
                        handle(next, leases.unrenewed("inbox entry " + next.id()));
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("A batch of {} delivery statuses could not be committed ({}); each is tried again",
                    claimed.size(), e.getClass().getName());
            claimed.forEach(entry -> fail(entry, e));
        } finally {
            holds.forEach(LeaseKeeper.Held::close);
            wakeOutboxAfter(claimed.get(0), queuedBefore);
        }
    }

    /**
     * Runs an entry through the pipeline (a timer through the agents' SLA check) and completes it,
     * in one unit of work; parks it when it was claimed as often as it may be tried, completes it
     * unprocessed when its account is gone; gives it back with backoff when it fails.
     */
    private void handle(InboxEntry entry, LeaseKeeper.Held held) {
        try {
            unitOfWork.run(() -> {
                if (entry.attempts() >= maxAttempts) {
                    abandoned(entry);
                } else if (!registered(entry)) {
                    LOG.debug("Inbox entry {} belongs to a disconnected account: completed without processing",
                            entry.id());
                    inbox.complete(entry, clock.instant());
                } else if (entry.timer()) {
                    timers.accept(entry);
                    held.check();
                    inbox.complete(entry, clock.instant());
                } else {
                    finish(entry, pipeline.process(entry, () -> !held.isLost()), held);
                }
            });
        } catch (LeaseLostException e) {
            LOG.warn("Inbox entry {} lost its lease; the worker that took it over finishes it", entry.id());
        } catch (Exception e) {
            fail(entry, e);
        }
    }

    private LeaseKeeper.Held hold(InboxEntry entry) {
        return leases.hold("inbox entry " + entry.id(), (lease, now) -> inbox.renew(entry, lease, now));
    }

    /** Completes the entry, or gives it back until the time a step asked for. */
    private void finish(InboxEntry entry, Optional<Instant> deferred, LeaseKeeper.Held held) {
        held.check();
        if (deferred.isPresent()) {
            LOG.debug("Inbox entry {} deferred until {}", entry.id(), deferred.get());
            inbox.retry(entry, deferred.get(), "deferred by the pipeline");
        } else {
            inbox.complete(entry, clock.instant());
        }
    }

    /**
     * Whether the entry's account is still registered to its tenant: the account itself, or, for
     * an {@code AccountEvent} addressed to a business account, any account grouped under it.
     */
    private boolean registered(InboxEntry entry) {
        if (entry.event().filter(AccountEvent.class::isInstance).isPresent()) {
            return accounts.findTenantsByBusinessAccountId(entry.conversation().channel(),
                    entry.conversation().accountId()).contains(entry.tenant());
        }
        return accounts.findTenant(entry.conversation().channel(), entry.conversation().accountId())
                .filter(entry.tenant()::equals).isPresent();
    }

    /** Claimed as often as it may be tried, without an outcome: its processing stopped the process. */
    private void abandoned(InboxEntry entry) {
        LOG.error("Parked inbox entry {}: claimed {} times without finishing (did its processing stop the process?)",
                entry.id(), entry.attempts());
        inbox.park(entry, "claimed " + entry.attempts() + " times without finishing; the process may have stopped "
                + "while handling it");
    }

    private void fail(InboxEntry entry, Exception e) {
        int attempt = entry.attempts() + 1;
        String reason = e.getClass().getName();
        try {
            if (attempt >= maxAttempts) {
                LOG.error("Parked inbox entry {} after {} attempts: {}", entry.id(), attempt, reason);
                LOG.debug("Inbox entry {} failed", entry.id(), e);
                inbox.park(entry, "failed " + attempt + " times, last with " + reason);
            } else {
                Instant next = clock.instant().plus(backoff.after(attempt));
                LOG.warn("Inbox entry {} failed (attempt {} of {}): {}; retrying at {}", entry.id(), attempt,
                        maxAttempts, reason, next);
                LOG.debug("Inbox entry {} failed", entry.id(), e);
                inbox.retry(entry, next, "attempt " + attempt + " failed with " + reason);
            }
        } catch (LeaseLostException lost) {
            LOG.warn("Inbox entry {} lost its lease while failing; another worker has it", entry.id());
        }
    }

    @Override
    public void close() {
        loop.close();
    }

    /**
     * How the dispatcher works.
     *
     * @param concurrency the most entries processed at once
     * @param pollInterval how often to look for due work without a signal
     * @param lease how long a claim holds; renewed at a third of it while the work runs
     * @param maxAttempts attempts before an entry is parked
     * @param backoff the delay between attempts
     * @param intake the webhook endpoint's load, which the work loops yield to
     */
    record Settings(int concurrency, Duration pollInterval, Duration lease, int maxAttempts, Backoff backoff,
            IntakeLoad intake) {
    }
}
