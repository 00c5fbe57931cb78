package dev.conversa;

import static dev.conversa.TestBed.TENANT;
import static dev.conversa.TestBed.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.model.OutboundMessage;
import dev.conversa.model.Text;
import dev.conversa.pipeline.Step;
import dev.conversa.respond.Reply;
import dev.conversa.respond.Responder;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Leases that live as long as the work: renewed while it runs, so slow work keeps its entry;
 * a lost lease stops the work before its next side effect; attempts counted at claim time, so an
 * entry whose processing stopped the process is set aside; and a send is {@code SENDING} only
 * for its request.
 */
class LeaseTest {

    private static final Duration LEASE = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Stores base = InMemoryStores.create();
    private final RenewalCountingInbox inbox = new RenewalCountingInbox(base.inbox());
    private final Stores stores = base.toBuilder().inbox(inbox).build();

    @Test
    void slowWorkKeepsItsEntryWhileItsLeaseIsRenewed() throws Exception {
        // given: the responder takes far longer than the lease
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Responder slow = request -> {
            calls.incrementAndGet();
            entered.countDown();
            awaitQuietly(release);
            return Reply.text("done");
        };
        try (TestBed bed = new TestBed(stores, quick(slow), true)) {
            bed.deliver("m1", "alice", "hello");
            assertThat(entered.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

            // when: time passes, 3.6 leases, each step less than one lease after a renewal
            for (int step = 0; step < 6; step++) {
                bed.clock.advance(Duration.ofMillis(600));
                int before = inbox.renewals();
                await().atMost(PATIENCE).until(() -> inbox.renewals() > before);
            }
            release.countDown();

            // then: nobody else took the entry, and the customer got one answer
            await().atMost(PATIENCE).until(() -> bed.channel.sent(Text.class).size() == 1);
            bed.awaitIdle();
            assertThat(calls).hasValue(1);
            assertThat(bed.channel.sent(Text.class)).containsExactly(new Text("done"));
        }
    }

    @Test
    void workThatLostItsLeaseQueuesNothingAndTheWorkerThatTookItOverAnswersOnce() throws Exception {
        // given: the first run of the responder is slow, the second quick
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Responder responder = request -> {
            if (calls.incrementAndGet() == 1) {
                entered.countDown();
                awaitQuietly(release);
                return Reply.text("first run");
            }
            return Reply.text("second run");
        };
        try (TestBed bed = new TestBed(stores, quick(responder), true)) {
            bed.deliver("m1", "alice", "hello");
            assertThat(entered.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

            // when: the store refuses to renew (another worker took the entry), then the slow run returns
            inbox.refuseRenewals(true);
            int before = inbox.renewals();
            await().atMost(PATIENCE).until(() -> inbox.renewals() > before);
            release.countDown();
            inbox.refuseRenewals(false);
            bed.clock.advance(LEASE.multipliedBy(2));

            // then: the slow run queued nothing; the entry was taken again and answered once
            await().atMost(PATIENCE).until(() -> bed.channel.sent(Text.class).size() == 1);
            bed.awaitIdle();
            assertThat(calls).hasValue(2);
            assertThat(bed.channel.sent(Text.class)).containsExactly(new Text("second run"));
        }
    }

    @Test
    void anInboxEntryClaimedAsOftenAsItMayBeTriedWithoutAnOutcomeIsParkedUnprocessed() {
        // given: three processes claimed the event in turn and each stopped while handling it
        AtomicInteger handled = new AtomicInteger();
        try (TestBed bed = new TestBed(stores, builder -> quick(request -> Reply.silence()).apply(builder)
                .maxAttempts(3).middleware(Step.RECORD, (ctx, next) -> {
                    handled.incrementAndGet();
                    next.proceed();
                }), false)) {
            bed.deliver("poison", "alice", "hello");
            for (int crash = 0; crash < 3; crash++) {
                assertThat(stores.inbox().claim("crashed-" + crash, 10, LEASE, bed.clock.instant())).hasSize(1);
                bed.clock.advance(LEASE.plusMillis(1));
            }

            // when
            bed.conversa.start();

            // then
            await().atMost(PATIENCE).until(() -> !stores.inbox().parked(TENANT, 10).isEmpty());
            assertThat(handled).hasValue(0);
            assertThat(stores.inbox().pendingCount()).isZero();
            assertThat(stores.messages().history(TENANT, key("alice"), 10)).isEmpty();
        }
    }

    @Test
    void anOutboxEntryClaimedMoreOftenThanItMayBeTriedWithoutAnOutcomeFailsUnsent() {
        // given: two processes claimed the send in turn and each stopped before its request
        try (TestBed bed = new TestBed(stores, builder -> quick(request -> Reply.silence()).apply(builder)
                .maxAttempts(2), false)) {
            OutboxEntry entry = bed.conversa.send(TENANT, OutboundMessage.text(key("alice"), "hello"));
            for (int crash = 0; crash < 2; crash++) {
                assertThat(stores.outbox().claim("crashed-" + crash, 10, LEASE, bed.clock.instant())).hasSize(1);
                bed.clock.advance(LEASE.plusMillis(1));
            }

            // when
            bed.conversa.start();

            // then
            await().atMost(PATIENCE).until(() -> state(entry) == OutboxState.DEAD);
            assertThat(stores.outbox().find(TENANT, entry.id()).orElseThrow().lastError()).hasValueSatisfying(
                    error -> assertThat(error).contains("claimed 3 times"));
            assertThat(bed.channel.attempts()).isEmpty();
            assertThat(stores.outbox().list(TENANT, OutboxState.SEND_UNCERTAIN, 10)).isEmpty();
        }
    }

    @Test
    void aSendIsPendingWhileTheAdapterPreparesItAndSendingOnlyForItsRequest() {
        // given
        List<OutboxState> seen = new CopyOnWriteArrayList<>();
        try (TestBed bed = new TestBed(stores, quick(request -> Reply.silence()), true)) {
            bed.deliver("m1", "alice", "hello");
            bed.awaitIdle();
            bed.channel.onNextSend(() -> seen.add(onlyOpenEntryState()), () -> seen.add(onlyOpenEntryState()));

            // when
            OutboxEntry entry = bed.conversa.send(TENANT, OutboundMessage.text(key("alice"), "hi there"));

            // then
            await().atMost(PATIENCE).until(() -> state(entry) == OutboxState.SENT);
            assertThat(seen).containsExactly(OutboxState.PENDING, OutboxState.SENDING);
        }
    }

    private OutboxState onlyOpenEntryState() {
        List<OutboxEntry> sending = stores.outbox().list(TENANT, OutboxState.SENDING, 10);
        return sending.isEmpty() ? stores.outbox().list(TENANT, OutboxState.PENDING, 10).get(0).state()
                : sending.get(0).state();
    }

    private OutboxState state(OutboxEntry entry) {
        return stores.outbox().find(TENANT, entry.id()).orElseThrow().state();
    }

    private static UnaryOperator<Conversa.Builder> quick(Responder responder) {
        return builder -> builder.lease(LEASE).burstQuietWindow(Duration.ZERO).responder(responder);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
