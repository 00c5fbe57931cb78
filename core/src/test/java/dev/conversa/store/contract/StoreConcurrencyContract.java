package dev.conversa.store.contract;

import static dev.conversa.store.contract.Samples.TENANT_A;
import static dev.conversa.store.contract.Samples.conversation;
import static dev.conversa.store.contract.Samples.message;
import static dev.conversa.store.contract.Samples.record;
import static dev.conversa.store.contract.Samples.reply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.model.InboundEvent;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The stores under concurrent use: deduplication, optimistic updates and per-conversation
 * claiming hold when several threads race. Threads start together behind a latch; nothing sleeps.
 * Claimers hold what they claimed, as the dispatcher does, until the store's finishing call
 * returned, and a {@link LaneWatch} sees any second entry of a held conversation.
 */
public abstract class StoreConcurrencyContract extends StoreContract {

    private static final int THREADS = 8;
    private static final Duration LEASE = Duration.ofMinutes(5);

    @Test
    void concurrentAppendsOfTheSameEventsStoreEachOnce() throws Exception {
        List<InboundEvent> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(message(conversation("c" + (i % 5)), "m" + i, now()));
        }

        List<List<InboxEntry>> created = runTogether(() -> {
            List<InboxEntry> mine = new ArrayList<>();
            for (InboundEvent event : events) {
                mine.addAll(stores.inbox().append(TENANT_A, List.of(event), now()));
            }
            return mine;
        });

        List<String> stored = created.stream().flatMap(List::stream)
                .map(e -> e.event().orElseThrow().header().externalId()).toList();
        assertThat(stored).hasSize(40).doesNotHaveDuplicates();
        assertThat(stores.inbox().pendingCount()).isEqualTo(40);
    }

    @Test
    void concurrentAppendsOfBatchesGiveEachCallerItsOwnEntriesInOrder() throws Exception {
        AtomicInteger callers = new AtomicInteger();

        List<List<List<InboxEntry>>> created = runTogether(() -> {
            int me = callers.getAndIncrement();
            List<List<InboxEntry>> mine = new ArrayList<>();
            for (int b = 0; b < 20; b++) {
                // the middle event is every caller's: one of them records it
                mine.add(stores.inbox().append(TENANT_A, List.of(alone("t" + me + "-b" + b + "-first"),
                        alone("shared-b" + b), alone("t" + me + "-b" + b + "-last")), now()));
            }
            return mine;
        });

        Map<Long, String> returned = new ConcurrentHashMap<>();
        for (List<InboxEntry> batch : created.stream().flatMap(List::stream).toList()) {
            assertThat(batch).extracting(InboxEntry::id).isSorted();
            batch.forEach(e -> assertThat(returned.put(e.id(), e.event().orElseThrow().header().externalId()))
                    .as("id %d returned twice", e.id()).isNull());
        }
        assertThat(returned).hasSize(THREADS * 20 * 2 + 20);
        Map<Long, String> stored = new ConcurrentHashMap<>();
        for (List<InboxEntry> claimed = stores.inbox().claim("w", 1000, LEASE, now()); !claimed.isEmpty();
                claimed = stores.inbox().claim("w", 1000, LEASE, now())) {
            claimed.forEach(e -> stored.put(e.id(), e.event().orElseThrow().header().externalId()));
        }
        assertThat(stored).isEqualTo(returned);
    }

    /** A message alone in its conversation, so one claim can take every such message. */
    private InboundEvent alone(String externalId) {
        return message(conversation(externalId), externalId, now());
    }

    @Test
    void concurrentInboxClaimersNeverHoldTwoEntriesOfOneConversation() throws Exception {
        for (int i = 0; i < 200; i++) {
            stores.inbox().append(TENANT_A, List.of(message(conversation("c" + (i % 10)), "m" + i, now())), now());
        }
        // the Inbox SPI has no read of one entry, so the time inside complete() is watched only
        // up to the call; a claim while an entry waits to be completed is still an overlap
        LaneWatch lanes = new LaneWatch(id -> false);
        Map<ConversationKey, Collection<Long>> handled = new ConcurrentHashMap<>();

        runTogether(() -> {
            while (stores.inbox().pendingCount() > 0 && !Thread.currentThread().isInterrupted()) {
                List<InboxEntry> claimed = stores.inbox().claim("w", 3, LEASE, now());
                List<LaneWatch.Hold> holds = claimed.stream().map(e -> lanes.claimed(e.conversation(), e.id())).toList();
                for (int i = 0; i < claimed.size(); i++) {
                    InboxEntry entry = claimed.get(i);
                    handled.computeIfAbsent(entry.conversation(), c -> new ConcurrentLinkedQueue<>()).add(entry.id());
                    Thread.yield();
                    holds.get(i).finishing();
                    stores.inbox().complete(entry, now());
                    holds.get(i).release();
                }
            }
            return null;
        });

        assertThat(lanes.overlaps()).isZero();
        assertThat(handled.values().stream().mapToInt(Collection::size).sum()).isEqualTo(200);
        assertThat(handled.values()).allSatisfy(ids -> assertThat(List.copyOf(ids)).isSorted().doesNotHaveDuplicates());
    }

    @Test
    void concurrentEnqueuesWithOneKeyCreateOneOutboxEntry() throws Exception {
        List<OutboxEntry> entries = runTogether(
                () -> stores.outbox().enqueue(TENANT_A, reply(conversation("anna"), "hi"), "inbox-7:0", now()));

        assertThat(entries.stream().map(OutboxEntry::id).distinct()).hasSize(1);
        assertThat(stores.outbox().list(TENANT_A, OutboxState.PENDING, 100)).hasSize(1);
    }

    @Test
    void concurrentOutboxClaimersNeverSendTwoEntriesOfOneConversation() throws Exception {
        for (int i = 0; i < 100; i++) {
            stores.outbox().enqueue(TENANT_A, reply(conversation("c" + (i % 10)), "hi " + i), "k" + i, now());
        }
        LaneWatch lanes = new LaneWatch(id -> stores.outbox().find(TENANT_A, id)
                .map(entry -> entry.state() != OutboxState.SENT).orElse(false));
        Map<ConversationKey, Collection<Long>> sent = new ConcurrentHashMap<>();

        runTogether(() -> {
            while (!stores.outbox().list(TENANT_A, OutboxState.PENDING, 1).isEmpty()
                    && !Thread.currentThread().isInterrupted()) {
                List<OutboxEntry> claimed = stores.outbox().claim("w", 3, LEASE, now());
                List<LaneWatch.Hold> holds = claimed.stream()
                        .map(e -> lanes.claimed(e.message().to(), e.id())).toList();
                for (int i = 0; i < claimed.size(); i++) {
                    OutboxEntry entry = claimed.get(i);
                    sent.computeIfAbsent(entry.message().to(), c -> new ConcurrentLinkedQueue<>()).add(entry.id());
                    Thread.yield();
                    holds.get(i).finishing();
                    stores.outbox().markSent(entry, Optional.of("wamid." + entry.id()), now());
                    holds.get(i).release();
                }
            }
            return null;
        });

        assertThat(lanes.overlaps()).isZero();
        assertThat(sent.values().stream().mapToInt(Collection::size).sum()).isEqualTo(100);
        assertThat(sent.values()).allSatisfy(ids -> assertThat(List.copyOf(ids)).isSorted().doesNotHaveDuplicates());
    }

    @Test
    void concurrentAppendsOfOneMessageAddItOnce() throws Exception {
        List<Boolean> added = runTogether(
                () -> stores.messages().append(record(TENANT_A, conversation("anna"), "wamid.1", now())));

        assertThat(added).containsOnlyOnce(true);
    }

    @Test
    void concurrentUpdatesFromOneVersionLetExactlyOneWin() throws Exception {
        Conversation opened = stores.conversations().getOrOpen(TENANT_A, conversation("anna"), now());

        List<Boolean> won = runTogether(() -> stores.conversations()
                .update(opened.withState(ConversationState.WITH_AGENT, inSeconds(1))).isPresent());

        assertThat(won).containsOnlyOnce(true);
        assertThat(stores.conversations().find(TENANT_A, conversation("anna")).orElseThrow().version())
                .isEqualTo(opened.version() + 1);
    }

    private static <T> List<T> runTogether(Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    assertThat(go.await(60, TimeUnit.SECONDS)).as("start signal").isTrue();
                    return task.call();
                }));
            }
            assertThat(ready.await(60, TimeUnit.SECONDS)).as("every thread ready").isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
