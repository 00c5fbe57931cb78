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
import java.util.Set;
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
    void concurrentInboxClaimersNeverHoldTwoEntriesOfOneConversation() throws Exception {
        for (int i = 0; i < 200; i++) {
            stores.inbox().append(TENANT_A, List.of(message(conversation("c" + (i % 10)), "m" + i, now())), now());
        }
        Map<ConversationKey, Boolean> busy = new ConcurrentHashMap<>();
        Map<ConversationKey, Collection<Long>> handled = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();

        runTogether(() -> {
            while (stores.inbox().pendingCount() > 0) {
                for (InboxEntry entry : stores.inbox().claim("w", 3, LEASE, now())) {
                    if (busy.putIfAbsent(entry.conversation(), true) != null) {
                        overlaps.incrementAndGet();
                    }
                    handled.computeIfAbsent(entry.conversation(), c -> new ConcurrentLinkedQueue<>()).add(entry.id());
                    busy.remove(entry.conversation());
                    stores.inbox().complete(entry, now());
                }
            }
            return null;
        });

        assertThat(overlaps).hasValue(0);
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
        Set<ConversationKey> busy = ConcurrentHashMap.newKeySet();
        Map<ConversationKey, Collection<Long>> sent = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();

        runTogether(() -> {
            while (!stores.outbox().list(TENANT_A, OutboxState.PENDING, 1).isEmpty()) {
                for (OutboxEntry entry : stores.outbox().claim("w", 3, LEASE, now())) {
                    ConversationKey to = entry.message().to();
                    if (!busy.add(to)) {
                        overlaps.incrementAndGet();
                    }
                    sent.computeIfAbsent(to, c -> new ConcurrentLinkedQueue<>()).add(entry.id());
                    busy.remove(to);
                    stores.outbox().markSent(entry, Optional.of("wamid." + entry.id()), now());
                }
            }
            return null;
        });

        assertThat(overlaps).hasValue(0);
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
                    go.await();
                    return task.call();
                }));
            }
            ready.await();
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
