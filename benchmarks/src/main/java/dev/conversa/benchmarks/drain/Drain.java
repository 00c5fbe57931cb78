package dev.conversa.benchmarks.drain;

import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.EventHeader;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.MessageContext;
import dev.conversa.model.SenderProfile;
import dev.conversa.model.TenantId;
import dev.conversa.model.Text;
import dev.conversa.store.Inbox;
import dev.conversa.store.InboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One measured drain: fills an empty inbox with {@code entries} messages spread round-robin
 * over {@code conversations}, then times {@code workers} threads that each claim one entry and
 * complete it, over and over, as the dispatcher does when every finished entry frees one
 * permit. A worker whose claim comes back empty waits for the next completion (at most 100 ms),
 * as the dispatcher's loop wakes on finished work, and stops when the target is reached.
 *
 * <p>It checks that it measured what it claims: every entry was appended, each completion
 * followed its own claim, and (for a full drain) nothing is pending at the end.
 */
final class Drain {

    static final TenantId TENANT = TenantId.of("bench");
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final Instant ARRIVAL = Instant.parse("2026-01-05T09:00:00Z");
    private static final Instant NOW = ARRIVAL.plus(Duration.ofDays(1));
    private static final int BATCH = 100;

    private final Inbox inbox;
    private final int entries;
    private final int conversations;
    private final Object completion = new Object();
    private final AtomicInteger completed = new AtomicInteger();

    Drain(Inbox inbox, int entries, int conversations) {
        this.inbox = inbox;
        this.entries = entries;
        this.conversations = conversations;
    }

    /** Appends the entries in webhook-sized batches, each batch arriving a millisecond after the last. */
    void fill() {
        List<InboundEvent> batch = new ArrayList<>();
        Instant at = ARRIVAL;
        for (int i = 0; i < entries; i++) {
            ConversationKey key = new ConversationKey(ChannelType.WHATSAPP, "phone-1",
                    "contact-" + (i % conversations));
            EventHeader header = new EventHeader(key.channel(), key.accountId(), key.contactId(), "wamid." + i, at);
            batch.add(new InboundMessage(header, new Text("question " + i), MessageContext.NONE,
                    SenderProfile.UNKNOWN));
            if (batch.size() == BATCH || i == entries - 1) {
                int appended = inbox.append(TENANT, batch, at).size();
                check(appended == batch.size(), "appended " + appended + " of a batch of " + batch.size());
                batch.clear();
                at = at.plusMillis(1);
            }
        }
        check(inbox.pendingCount() == entries, "the inbox holds " + inbox.pendingCount() + " pending entries, not "
                + entries);
    }

    /**
     * Drains until {@code target} entries are completed and measures it.
     *
     * @return entries completed per second
     */
    double drain(int workers, int target) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            long start = System.nanoTime();
            List<Future<Integer>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                String name = "worker-" + w;
                running.add(pool.submit(() -> work(name, target)));
            }
            int claimed = 0;
            for (Future<Integer> worker : running) {
                claimed += worker.get(2, TimeUnit.HOURS);
            }
            long elapsed = System.nanoTime() - start;
            check(claimed == completed.get(), "claimed " + claimed + " entries but completed " + completed.get());
            check(completed.get() >= target, "completed " + completed.get() + " of " + target);
            if (target == entries) {
                check(inbox.pendingCount() == 0, inbox.pendingCount() + " entries are still pending");
            }
            return completed.get() / (elapsed / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Claims and completes one entry at a time; returns how many it claimed. */
    private int work(String name, int target) throws InterruptedException {
        int claimed = 0;
        while (completed.get() < target) {
            int seen = completed.get();
            List<InboxEntry> batch = inbox.claim(name, 1, LEASE, NOW);
            for (InboxEntry entry : batch) {
                check(entry.event().isPresent() && entry.fence() > 0,
                        "claimed entry " + entry.id() + " is not an event");
                inbox.complete(entry, NOW);
                claimed++;
            }
            if (batch.isEmpty()) {
                awaitCompletionAfter(seen);
            } else {
                completed.addAndGet(batch.size());
                synchronized (completion) {
                    completion.notifyAll();
                }
            }
        }
        return claimed;
    }

    private void awaitCompletionAfter(int seen) throws InterruptedException {
        synchronized (completion) {
            if (completed.get() == seen && seen < entries) {
                completion.wait(100);
            }
        }
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException("the benchmark did not measure what it should: " + failure);
        }
    }
}
