package dev.conversa;

import static dev.conversa.TestBed.TENANT;
import static dev.conversa.TestBed.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.model.ConversationKey;
import dev.conversa.model.Direction;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.Text;
import dev.conversa.pipeline.Step;
import dev.conversa.respond.Reply;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.Outbox;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.testsupport.CountingOutbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DispatcherTest {

    private final Map<ConversationKey, List<String>> seen = new ConcurrentHashMap<>();

    @Test
    void handlesEveryConversationsEventsInArrivalOrderWhileLanesRunInParallel() throws Exception {
        // given: 4 threads each deliver 10 events to each of their 5 conversations, interleaved;
        // every entry yields while it runs, so a lane that let two entries run at once would show
        Map<ConversationKey, AtomicInteger> running = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        try (TestBed bed = new TestBed(builder -> builder.concurrency(8).responder(request -> Reply.silence())
                .middleware(Step.RECORD, (ctx, next) -> {
                    AtomicInteger lane = running.computeIfAbsent(ctx.conversationKey(), k -> new AtomicInteger());
                    if (lane.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    try {
                        Thread.yield();
                        ctx.event().ifPresent(event -> seen.computeIfAbsent(ctx.conversationKey(),
                                k -> Collections.synchronizedList(new ArrayList<>())).add(event.header().externalId()));
                        Thread.yield();
                        next.proceed();
                    } finally {
                        lane.decrementAndGet();
                    }
                }))) {
            ExecutorService senders = Executors.newFixedThreadPool(4);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int first = thread * 5;
                done.add(senders.submit(() -> {
                    assertThat(start.await(10, TimeUnit.SECONDS)).as("start signal").isTrue();
                    for (int event = 0; event < 10; event++) {
                        for (int c = first; c < first + 5; c++) {
                            bed.deliver("c" + c + "-e" + event, "c" + c, "message " + event);
                        }
                    }
                    return null;
                }));
            }

            // when
            start.countDown();
            try {
                for (Future<?> future : done) {
                    future.get(30, TimeUnit.SECONDS);
                }
            } finally {
                senders.shutdownNow();
            }

            // then
            await().until(() -> seen.values().stream().mapToInt(List::size).sum() == 200);
            assertThat(overlaps).as("entries of one conversation running at once").hasValue(0);
            assertThat(seen).hasSize(20);
            for (int c = 0; c < 20; c++) {
                List<String> expected = new ArrayList<>();
                for (int event = 0; event < 10; event++) {
                    expected.add("c" + c + "-e" + event);
                }
                assertThat(seen.get(key("c" + c))).as("conversation c" + c).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void wakesTheOutboxSenderOnlyAfterAPassThatQueuedAMessage() {
        // given: the sender polls every ten minutes, so it looks at the outbox only when woken
        AtomicInteger outboxClaims = new AtomicInteger();
        AtomicBoolean answer = new AtomicBoolean();
        Stores stores = InMemoryStores.create();
        Outbox counted = CountingOutbox.claims(stores.outbox(), outboxClaims);
        try (TestBed bed = new TestBed(stores.toBuilder().outbox(counted).build(), builder -> builder
                .pollInterval(Duration.ofMinutes(10)).burstQuietWindow(Duration.ZERO)
                .responder(request -> answer.get() ? Reply.text("Hello!") : Reply.silence()), true)) {

            // when: five messages whose passes and reply tasks queue nothing
            for (int i = 0; i < 5; i++) {
                bed.deliver("quiet-" + i, "alice", "hello " + i);
                bed.awaitIdle();
            }

            // then: ten passes, and at most the sender's first look at start
            assertThat(outboxClaims).as("outbox claims").hasValueLessThanOrEqualTo(1);

            // and when a reply is queued, the sender is woken at once and sends it
            answer.set(true);
            bed.deliver("answered", "alice", "anyone there?");
            await().atMost(Duration.ofSeconds(10)).until(() -> !bed.channel.sent(Text.class).isEmpty());
            assertThat(bed.channel.sent(Text.class)).extracting(Text::body).containsExactly("Hello!");
        }
    }

    @Test
    void retriesThenParksAFailingEntryWithoutStoppingOtherConversations() {
        // given
        AtomicInteger attempts = new AtomicInteger();
        try (TestBed bed = new TestBed(builder -> builder.maxAttempts(3).responder(request -> Reply.silence())
                .middleware(Step.RECORD, (ctx, next) -> {
                    if (ctx.conversationKey().contactId().equals("broken") && !ctx.isReplyTask()) {
                        attempts.incrementAndGet();
                        throw new IllegalStateException("host bug");
                    }
                    next.proceed();
                }))) {

            // when
            bed.deliver("b1", "broken", "hello");
            bed.deliver("h1", "healthy", "hello");

            // then
            await().until(() -> !bed.stores.messages().history(TENANT, key("healthy"), 10).isEmpty());
            await().until(() -> {
                bed.clock.advance(Duration.ofSeconds(30));
                return !bed.stores.inbox().parked(TENANT, 10).isEmpty();
            });
            List<InboxEntry> parked = bed.stores.inbox().parked(TENANT, 10);
            assertThat(parked).singleElement().satisfies(entry -> {
                assertThat(entry.conversation()).isEqualTo(key("broken"));
                assertThat(entry.event()).get().isInstanceOf(InboundMessage.class);
            });
            assertThat(attempts).hasValue(3);
            assertThat(bed.stores.messages().history(TENANT, key("broken"), 10)).isEmpty();

            bed.deliver("h2", "healthy", "still there?");
            await().until(() -> bed.stores.messages().history(TENANT, key("healthy"), 10).stream()
                    .filter(m -> m.direction() == Direction.INBOUND).count() == 2);
        }
    }

    @Test
    void processesTheNextEventOfAConversationAfterItsFailedEventWasParked() {
        AtomicInteger calls = new AtomicInteger();
        try (TestBed bed = new TestBed(builder -> builder.maxAttempts(1).responder(request -> Reply.silence())
                .middleware(Step.RECORD, (ctx, next) -> {
                    if (ctx.event().filter(e -> e.header().externalId().equals("bad")).isPresent()) {
                        calls.incrementAndGet();
                        throw new IllegalStateException("host bug");
                    }
                    next.proceed();
                }))) {

            bed.deliver("bad", "alice", "first");
            bed.deliver("good", "alice", "second");

            await().until(() -> bed.stores.messages().history(TENANT, key("alice"), 10).size() == 1);
            assertThat(bed.stores.inbox().parked(TENANT, 10)).hasSize(1);
            assertThat(calls).hasValue(1);
        }
    }

    @Test
    void neverRunsMoreEntriesAtOnceThanTheConfiguredConcurrency() {
        // given
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        try (TestBed bed = new TestBed(builder -> builder.concurrency(2).responder(request -> Reply.silence())
                .middleware(Step.RECORD, (ctx, next) -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        assertThat(awaitUninterruptibly(release)).as("released").isTrue();
                        next.proceed();
                    } finally {
                        running.decrementAndGet();
                    }
                }))) {

            // when: every entry holds its worker until released
            for (int c = 0; c < 20; c++) {
                bed.deliver("e" + c, "c" + c, "hello");
            }
            await().until(() -> running.get() == 2);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> running.get() <= 2);
            release.countDown();

            // then
            await().until(() -> bed.conversa.conversations().list(TENANT, 50).stream()
                    .filter(c -> c.replyDueAt().isPresent()).count() == 20);
            assertThat(mostAtOnce.get()).isEqualTo(2);
        }
    }

    @Test
    void closeWaitsForTheEntryInProgress() throws Exception {
        // given: an entry that is being processed
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        TestBed bed = new TestBed(builder -> builder.responder(request -> Reply.silence())
                .middleware(Step.RECORD, (ctx, next) -> {
                    entered.countDown();
                    awaitUninterruptibly(release);
                    next.proceed();
                    finished.incrementAndGet();
                }));
        bed.deliver("m1", "alice", "hello");
        assertThat(entered.await(10, TimeUnit.SECONDS)).as("entry in progress").isTrue();

        // when
        AtomicInteger finishedWhenClosed = new AtomicInteger(-1);
        Thread closer = new Thread(() -> {
            bed.close();
            finishedWhenClosed.set(finished.get());
        });
        closer.start();
        await().until(() -> closer.getState() == Thread.State.TIMED_WAITING);
        release.countDown();
        closer.join(10_000);
        assertThat(closer.isAlive()).as("close returned").isFalse();

        // then
        assertThat(finishedWhenClosed).hasValue(1);
        assertThat(bed.stores.messages().history(TENANT, key("alice"), 10)).hasSize(1);
    }

    /** Middleware may not throw checked exceptions: waits up to ten seconds, keeping an interrupt. */
    private static boolean awaitUninterruptibly(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
