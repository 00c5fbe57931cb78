package dev.conversa.pipeline;

import static dev.conversa.pipeline.PipelineFixture.CHANNEL;
import static dev.conversa.pipeline.PipelineFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.model.ConversationKey;
import dev.conversa.model.EventHeader;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.MessageContext;
import dev.conversa.model.SenderProfile;
import dev.conversa.model.TenantId;
import dev.conversa.model.Text;
import dev.conversa.respond.Reply;
import dev.conversa.respond.TurnBudget;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A signed flood from one sender spends a bounded number of responder turns (issue #14). */
class TurnBudgetTest {

    private static final TenantId OTHER_TENANT = TenantId.of("other-shop");
    private static final String NOTICE = "Slow down please, we answer again soon.";

    private final PipelineFixture fixture = new PipelineFixture();
    private final List<String> asked = Collections.synchronizedList(new ArrayList<>());
    private ExecutorService workers;

    @AfterEach
    void stopWorkers() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    @Test
    void aFloodFromOneSenderGetsTheBudgetOfTurnsAndOneNotice() throws Exception {
        // given: 5 turns per sender per ten minutes; the clock starts at the beginning of a window
        Pipeline pipeline = pipeline(TurnBudget.builder().perSender(5).notice(NOTICE).build());

        // when: alice sends 60 messages, each one answered on its own (2 s apart, past the quiet window)
        flood(pipeline, TENANT, "alice", 60);

        // then: the responder was asked 5 times; alice got 5 answers and the notice once
        assertThat(asked).hasSize(5).containsOnly(TENANT + "/alice");
        assertThat(texts(TENANT, "alice")).hasSize(6).containsOnlyOnce(NOTICE)
                .filteredOn(text -> text.startsWith("re: ")).hasSize(5);
        assertThat(texts(TENANT, "alice").get(5)).isEqualTo(NOTICE);
        assertThat(keys(TENANT, "alice")).filteredOn(key -> key.startsWith("budget:")).hasSize(1);
        // and nothing waits for an answer any more: the conversation is not left due
        assertThat(fixture.stores.conversations().find(TENANT, key("alice")).orElseThrow().replyDueAt()).isEmpty();
    }

    @Test
    void anotherSenderAndAnotherTenantAreAnsweredDuringTheFlood() throws Exception {
        // given: alice spent her turns
        Pipeline pipeline = pipeline(TurnBudget.builder().perSender(5).notice(NOTICE).build());
        flood(pipeline, TENANT, "alice", 30);

        // when: bob of the same tenant and carol of another tenant write
        flood(pipeline, TENANT, "bob", 1);
        flood(pipeline, OTHER_TENANT, "carol", 1);

        // then: both are answered, and alice still gets nothing
        flood(pipeline, TENANT, "alice", 3);
        assertThat(texts(TENANT, "bob")).containsExactly("re: bob 0");
        assertThat(texts(OTHER_TENANT, "carol")).containsExactly("re: carol 0");
        assertThat(asked).filteredOn(sender -> sender.endsWith("/alice")).hasSize(5);
        assertThat(texts(TENANT, "alice")).hasSize(6);
    }

    @Test
    void aNewWindowRestoresTheSendersTurnsAndItsNotice() throws Exception {
        // given: alice spent her 5 turns and got the notice in the first window
        Pipeline pipeline = pipeline(TurnBudget.builder().perSender(5).window(Duration.ofMinutes(10))
                .notice(NOTICE).build());
        flood(pipeline, TENANT, "alice", 20);
        assertThat(asked).hasSize(5);

        // when: the next window starts and she floods again
        fixture.clock.set(Instant.parse("2026-03-02T09:10:00Z"));
        flood(pipeline, TENANT, "alice", 20);

        // then: 5 more turns and one more notice
        assertThat(asked).hasSize(10);
        assertThat(texts(TENANT, "alice")).filteredOn(NOTICE::equals).hasSize(2);
        assertThat(texts(TENANT, "alice")).filteredOn(text -> text.startsWith("re: ")).hasSize(10);
    }

    @Test
    void theTenantCapStopsAllItsSendersButNotOtherTenants() throws Exception {
        // given: 3 turns per tenant
        Pipeline pipeline = pipeline(TurnBudget.builder().perSender(5).perTenant(3).notice(NOTICE).build());

        // when: six customers of the tenant write twice each, then a customer of another tenant
        for (int round = 0; round < 2; round++) {
            for (int customer = 0; customer < 6; customer++) {
                flood(pipeline, TENANT, "c" + customer, 1);
            }
        }
        flood(pipeline, OTHER_TENANT, "dave", 1);

        // then: 3 turns in the tenant, each customer over the cap got the notice once
        assertThat(asked).filteredOn(sender -> sender.startsWith(TENANT + "/")).hasSize(3);
        for (int customer = 0; customer < 6; customer++) {
            assertThat(texts(TENANT, "c" + customer)).filteredOn(NOTICE::equals).hasSize(1);
        }
        assertThat(keys(TENANT, null)).filteredOn(key -> key.startsWith("budget:")).hasSize(6);
        assertThat(texts(OTHER_TENANT, "dave")).containsExactly("re: dave 0");
    }

    @Test
    void theBudgetHoldsAcrossConcurrentWorkers() throws Exception {
        // given: one limiter shared by 8 workers, 7 turns per tenant, 3 per sender
        TurnLimiter limiter = new TurnLimiter(TurnBudget.builder().perSender(3).perTenant(7).build(),
                fixture.stores.conversations());
        Instant now = fixture.clock.instant();
        for (int sender = 0; sender < 4; sender++) {
            fixture.stores.conversations().getOrOpen(TENANT, key("s" + sender), now);
        }
        workers = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger answered = new AtomicInteger();
        var answeredPerSender = new ConcurrentHashMap<String, AtomicInteger>();
        List<Future<?>> done = new ArrayList<>();

        // when: 8 workers take 200 turns each, for 4 senders
        for (int worker = 0; worker < 8; worker++) {
            done.add(workers.submit(() -> {
                start.await();
                for (int i = 0; i < 200; i++) {
                    String sender = "s" + (i % 4);
                    if (limiter.take(TENANT, key(sender), now) == TurnLimiter.Decision.ANSWER) {
                        answered.incrementAndGet();
                        answeredPerSender.computeIfAbsent(sender, k -> new AtomicInteger()).incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get(30, TimeUnit.SECONDS);
        }

        // then
        assertThat(answered).hasValue(7);
        assertThat(answeredPerSender.values()).allSatisfy(count -> assertThat(count.get()).isLessThanOrEqualTo(3));
    }

    @Test
    void twoInstancesOnOneStoreShareTheTenantsBudgetInAllotments() {
        // given: two limiters (two instances) on the same stores; 300 turns per tenant, handed out 3 at a time
        TurnBudget budget = TurnBudget.builder().perSender(1_000).perTenant(300).build();
        List<TurnLimiter> instances = List.of(new TurnLimiter(budget, fixture.stores.conversations()),
                new TurnLimiter(budget, fixture.stores.conversations()));
        Instant now = fixture.clock.instant();
        fixture.stores.conversations().getOrOpen(TENANT, key("alice"), now);
        assertThat(TurnLimiter.allotment(300)).isEqualTo(3);

        // when: 400 turns are asked for, alternately on each instance
        int answered = 0;
        for (int i = 0; i < 400; i++) {
            if (instances.get(i % 2).take(TENANT, key("alice"), now) == TurnLimiter.Decision.ANSWER) {
                answered++;
            }
        }

        // then: never more than the budget, at most an allotment short per instance, and none left in the store
        assertThat(answered).isBetween(300 - 2 * 3, 300);
        assertThat(fixture.stores.conversations().grantTenantTurns(TENANT, windowOf(now), 1, 300)).isZero();
        assertThat(TurnLimiter.allotment(5_000)).as("the default budget's allotment").isEqualTo(50);
        assertThat(TurnLimiter.allotment(1_000_000)).isEqualTo(50);
    }

    @Test
    void aTurnTheSenderMayNotSpendStaysWithTheTenant() {
        // given: one turn per sender, 100 per tenant handed out one at a time
        TurnLimiter limiter = new TurnLimiter(TurnBudget.builder().perSender(1).perTenant(100).build(),
                fixture.stores.conversations());
        Instant now = fixture.clock.instant();
        fixture.stores.conversations().getOrOpen(TENANT, key("alice"), now);
        fixture.stores.conversations().getOrOpen(TENANT, key("bob"), now);

        // when: alice asks five times, then bob once
        List<TurnLimiter.Decision> alice = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            alice.add(limiter.take(TENANT, key("alice"), now));
        }
        TurnLimiter.Decision bob = limiter.take(TENANT, key("bob"), now);

        // then: the tenant spent two turns, not six: alice's refusals took none of them
        assertThat(alice).containsExactly(TurnLimiter.Decision.ANSWER, TurnLimiter.Decision.NOTICE,
                TurnLimiter.Decision.SILENCE, TurnLimiter.Decision.SILENCE, TurnLimiter.Decision.SILENCE);
        assertThat(bob).isEqualTo(TurnLimiter.Decision.ANSWER);
        assertThat(fixture.stores.conversations().grantTenantTurns(TENANT, windowOf(now), 100, 100)).isEqualTo(98);
    }

    @Test
    void buildNamesTheSettingOutOfRange() {
        assertThatThrownBy(() -> TurnBudget.builder().perSender(0).build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("perSender must be at least 1");
        assertThatThrownBy(() -> TurnBudget.builder().perTenant(0).build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("perTenant must be at least 1");
        assertThatThrownBy(() -> TurnBudget.builder().window(Duration.ofMillis(10)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("window must be at least");
        assertThatThrownBy(() -> TurnBudget.builder().notice(" ").build())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("notice must not be blank");
        TurnBudget budget = TurnBudget.builder().perSender(3).build();
        assertThat(budget.toBuilder().build()).isEqualTo(budget);
        assertThat(TurnBudget.create()).isEqualTo(TurnBudget.builder().build());
        assertThat(TurnBudget.create().perSender()).isEqualTo(20);
        assertThat(TurnBudget.create().window()).isEqualTo(Duration.ofMinutes(10));
    }

    private Pipeline pipeline(TurnBudget budget) {
        return fixture.builder().turnBudget(budget).responder(request -> {
            String sender = request.conversation().key().contactId();
            asked.add(request.conversation().tenant() + "/" + sender);
            return Reply.text("re: " + request.latestText());
        }).build();
    }

    /** The sender writes {@code count} messages, each followed by its due reply task. */
    private void flood(Pipeline pipeline, TenantId tenant, String contact, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            EventHeader header = new EventHeader(CHANNEL, "acct", contact, contact + "-" + fixture.clock.instant()
                    .toEpochMilli() + "-" + i, fixture.clock.instant());
            InboundMessage message = new InboundMessage(header, new Text(contact + " " + i), MessageContext.NONE,
                    new SenderProfile(Optional.empty(), Optional.empty(), Optional.empty()));
            fixture.stores.inbox().append(tenant, List.of(message), fixture.clock.instant());
            fixture.runDue(pipeline);
            fixture.clock.advance(Duration.ofSeconds(2));
            fixture.runDue(pipeline);
        }
    }

    /** The start of the default ten-minute window holding {@code now}. */
    private static Instant windowOf(Instant now) {
        long window = TurnBudget.DEFAULT_WINDOW.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), window) * window);
    }

    private static ConversationKey key(String contact) {
        return new ConversationKey(CHANNEL, "acct", contact);
    }

    private List<OutboxEntry> queued(TenantId tenant, String contact) {
        return fixture.stores.outbox().list(tenant, OutboxState.PENDING, 10_000).stream()
                .filter(entry -> contact == null || entry.message().to().contactId().equals(contact))
                .filter(entry -> entry.message().content() instanceof Text)
                .toList();
    }

    private List<String> texts(TenantId tenant, String contact) {
        return queued(tenant, contact).stream().map(entry -> ((Text) entry.message().content()).body()).toList();
    }

    private List<String> keys(TenantId tenant, String contact) {
        return queued(tenant, contact).stream().map(OutboxEntry::idempotencyKey).toList();
    }
}
