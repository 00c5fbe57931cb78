package dev.conversa.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.InboundEvent;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.OutboxState;
import dev.conversa.store.Stores;
import dev.conversa.testsupport.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Crashes and storms against a real database: simulated instances share the stores, a test
 * clock makes leases expire, and a {@link Ledger} tells what the outside world saw.
 */
abstract class DurabilityScenarios {

    private final MutableClock clock = MutableClock.at("2026-01-05T09:00:00Z");
    private final Ledger ledger = new Ledger();
    private Stores stores;

    abstract JdbcStores createStores(Clock clock);

    @BeforeEach
    void freshStores() {
        stores = createStores(clock).stores();
    }

    @Test
    void aNewInstanceFinishesTheWorkOfOneThatDiedWhileHandlingEvents() {
        // given
        Workload work = Workload.of(1000, 50, clock.instant());
        List<List<InboundEvent>> batches = work.batches(10);
        batches.subList(0, 60).forEach(batch -> stores.inbox().append(Workload.TENANT, batch, clock.instant()));
        Instance doomed = Instance.dyingWhileHandling(437, stores, clock, ledger);
        doomed.runUntilIdle();
        batches.subList(60, 100).forEach(batch -> stores.inbox().append(Workload.TENANT, batch, clock.instant()));

        // when
        clock.advance(Instance.LEASE.plusSeconds(1));
        Instance.healthy("survivor", stores, clock, ledger).runUntilIdle();

        // then
        assertThat(doomed.isDead()).isTrue();
        assertThat(stores.inbox().pendingCount()).isZero();
        assertThat(ledger.handledInOrder()).isEqualTo(work.expectedOrder());
        assertThat(ledger.sentInOrder()).isEqualTo(work.expectedOrder());
        assertThat(ledger.sendsPerReply()).hasSize(1000).allSatisfy((reply, sends) -> assertThat(sends).hasValue(1));
        assertThat(stores.outbox().list(Workload.TENANT, OutboxState.SENT, 2000)).hasSize(1000);
    }

    @Test
    void aReplyInFlightWhenItsInstanceDiedBecomesUncertainAndIsNeverSentAgain() {
        // given
        Workload work = Workload.of(1000, 50, clock.instant());
        work.batches(10).forEach(batch -> stores.inbox().append(Workload.TENANT, batch, clock.instant()));
        Instance doomed = Instance.dyingWhileSending(300, stores, clock, ledger);
        doomed.runUntilIdle();

        // when
        clock.advance(Instance.LEASE.plusSeconds(1));
        Instance.healthy("survivor", stores, clock, ledger).runUntilIdle();

        // then
        assertThat(doomed.isDead()).isTrue();
        assertThat(ledger.everyHandling()).isEqualTo(work.expectedOrder());
        assertThat(ledger.sentInOrder()).isEqualTo(work.expectedOrder());
        assertThat(ledger.sendsPerReply()).hasSize(1000).allSatisfy((reply, sends) -> assertThat(sends).hasValue(1));
        assertThat(stores.outbox().list(Workload.TENANT, OutboxState.SEND_UNCERTAIN, 10)).hasSize(1);
        assertThat(stores.outbox().list(Workload.TENANT, OutboxState.SENT, 2000)).hasSize(999);
    }

    @Test
    void aReplyClaimedButNotYetSendingWhenItsInstanceDiedIsSentOnceByAnother() {
        // given
        Workload work = Workload.of(1000, 50, clock.instant());
        work.batches(10).forEach(batch -> stores.inbox().append(Workload.TENANT, batch, clock.instant()));
        Instance doomed = Instance.dyingBeforeSending(300, stores, clock, ledger);
        doomed.runUntilIdle();

        // when
        clock.advance(Instance.LEASE.plusSeconds(1));
        Instance.healthy("survivor", stores, clock, ledger).runUntilIdle();

        // then
        assertThat(doomed.isDead()).isTrue();
        assertThat(ledger.sentInOrder()).isEqualTo(work.expectedOrder());
        assertThat(ledger.sendsPerReply()).hasSize(1000).allSatisfy((reply, sends) -> assertThat(sends).hasValue(1));
        assertThat(stores.outbox().list(Workload.TENANT, OutboxState.SEND_UNCERTAIN, 10)).isEmpty();
        assertThat(stores.outbox().list(Workload.TENANT, OutboxState.SENT, 2000)).hasSize(1000)
                .filteredOn(entry -> entry.attempts() == 2).hasSize(1);
    }

    @Test
    void conversationsWaitingOnARetryDoNotHoldUpOthers() {
        // given
        for (int i = 0; i < 20; i++) {
            ConversationKey waiting = new ConversationKey(ChannelType.WHATSAPP, "phone-1", "waiting-" + i);
            stores.inbox().append(Workload.TENANT, List.of(Workload.message(waiting, "first-" + i, clock.instant()),
                    Workload.message(waiting, "second-" + i, clock.instant())), clock.instant());
            InboxEntry failed = stores.inbox().claim("w", 1, Instance.LEASE, clock.instant()).get(0);
            stores.inbox().retry(failed, clock.instant().plusSeconds(3600), "graph 503");
        }
        ConversationKey ready = new ConversationKey(ChannelType.WHATSAPP, "phone-1", "ready");
        stores.inbox().append(Workload.TENANT, List.of(Workload.message(ready, "now", clock.instant())), clock.instant());

        // when
        List<InboxEntry> claimed = stores.inbox().claim("w", 1, Instance.LEASE, clock.instant());

        // then
        assertThat(claimed).singleElement().satisfies(entry -> assertThat(entry.conversation()).isEqualTo(ready));
    }

    @Test
    void repliesScheduledAtOnceForOneConversationLeaveOnePendingReplyTask() throws Exception {
        // given
        ConversationKey anna = new ConversationKey(ChannelType.WHATSAPP, "phone-1", "anna");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> schedules = new ArrayList<>();

        // when
        try {
            for (int i = 0; i < 8; i++) {
                Instant due = clock.instant().plusSeconds(i);
                schedules.add(pool.submit(() -> {
                    assertThat(go.await(60, TimeUnit.SECONDS)).as("start signal").isTrue();
                    stores.inbox().scheduleReply(Workload.TENANT, anna, due, clock.instant());
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> schedule : schedules) {
                schedule.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // then
        assertThat(stores.inbox().pendingCount()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(10));
        assertThat(stores.inbox().claim("w", 5, Instance.LEASE, clock.instant()))
                .singleElement().satisfies(task -> assertThat(task.isReplyTask()).isTrue());
    }

    @Test
    void theSameEventDeliveredOneHundredTimesAtOnceIsStoredOnceAndAnsweredOnce() throws Exception {
        // given
        InboundEvent event = Workload.message(Workload.of(1, 1, clock.instant()).expectedOrder().keySet()
                .iterator().next(), "wamid.storm", clock.instant());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<InboxEntry>>> deliveries = new ArrayList<>();

        // when
        try {
            for (int i = 0; i < 100; i++) {
                deliveries.add(pool.submit(() -> {
                    assertThat(go.await(60, TimeUnit.SECONDS)).as("start signal").isTrue();
                    return stores.inbox().append(Workload.TENANT, List.of(event), clock.instant());
                }));
            }
            go.countDown();
            List<InboxEntry> created = new ArrayList<>();
            for (Future<List<InboxEntry>> delivery : deliveries) {
                created.addAll(delivery.get(60, TimeUnit.SECONDS));
            }
            Instance.healthy("worker", stores, clock, ledger).runUntilIdle();

            // then
            assertThat(created).hasSize(1);
            assertThat(stores.inbox().pendingCount()).isZero();
            assertThat(ledger.sendsPerReply()).containsOnlyKeys("wamid.storm");
            assertThat(ledger.sendsPerReply().get("wamid.storm")).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

}
