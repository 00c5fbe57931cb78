package dev.conversa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import dev.conversa.respond.TurnBudget;
import dev.conversa.store.ConversationStore;
import dev.conversa.store.memory.InMemoryStores;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link TurnLimiter}: no reply waits on another reply's call to the store. */
class TurnLimiterTest {

    private static final TenantId TENANT = TenantId.of("acme");
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private final ConversationStore memory = InMemoryStores.create().conversations();
    private final List<Integer> wanted = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstGrantAsked = new CountDownLatch(1);
    private final CountDownLatch releaseFirstGrant = new CountDownLatch(1);

    @Test
    void aReplyDoesNotWaitWhileAnotherAsksTheStoreForTheTenantsTurns() throws Exception {
        // per tenant 1,000: allotments of 10
        TurnLimiter limiter = new TurnLimiter(TurnBudget.builder().perTenant(1_000).build(), blockingFirstGrant());
        CompletableFuture<TurnLimiter.Decision> first = CompletableFuture.supplyAsync(
                () -> limiter.take(TENANT, sender("alice"), NOW));
        assertThat(firstGrantAsked.await(10, TimeUnit.SECONDS)).as("the first grant was asked").isTrue();

        // when: another reply needs a turn while the first grant is under way
        TurnLimiter.Decision second = CompletableFuture.supplyAsync(() -> limiter.take(TENANT, sender("bob"), NOW))
                .get(10, TimeUnit.SECONDS);

        // then: it asked for one turn of its own instead of waiting
        assertThat(second).isEqualTo(TurnLimiter.Decision.ANSWER);
        assertThat(first).isNotDone();
        releaseFirstGrant.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(TurnLimiter.Decision.ANSWER);
        assertThat(wanted).containsExactly(10, 1);

        // the allotment is spent here, and the next one asked for once more than half of it is gone
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.take(TENANT, sender("carol" + i), NOW)).isEqualTo(TurnLimiter.Decision.ANSWER);
        }
        assertThat(wanted).containsExactly(10, 1, 10);
        assertThat(memory.grantTenantTurns(TENANT, NOW, 1_000, 1_000)).as("turns left to grant").isEqualTo(979);
    }

    @Test
    void theNextAllotmentIsAskedForOnceMoreThanHalfOfTheLastIsSpentSoNoReplyFindsItEmpty() {
        // per tenant 1,000: allotments of 10
        TurnLimiter limiter = new TurnLimiter(TurnBudget.builder().perTenant(1_000).build(), intercepting(() -> { }));

        for (int i = 0; i < 30; i++) {
            assertThat(limiter.take(TENANT, sender("customer" + i), NOW)).isEqualTo(TurnLimiter.Decision.ANSWER);
        }

        // asked at the 1st, 6th, 16th and 26th turn: never one turn alone, never more than 14 held
        assertThat(wanted).containsExactly(10, 10, 10, 10);
        assertThat(memory.grantTenantTurns(TENANT, NOW, 1_000, 1_000)).as("turns left to grant").isEqualTo(960);
    }

    @Test
    void aFailedEarlyAskLeavesTheReplyItsTurnAndTheNextReplyAsksAgain() {
        TurnLimiter limiter = new TurnLimiter(TurnBudget.builder().perTenant(1_000).build(), intercepting(() -> {
            if (wanted.size() == 2) {
                throw new IllegalStateException("the database is away");
            }
        }));
        for (int i = 0; i < 5; i++) {
            limiter.take(TENANT, sender("customer" + i), NOW);
        }

        // the sixth turn leaves less than half of the allotment: its early ask fails, the reply is answered
        assertThat(limiter.take(TENANT, sender("sixth"), NOW)).isEqualTo(TurnLimiter.Decision.ANSWER);
        assertThat(limiter.take(TENANT, sender("seventh"), NOW)).isEqualTo(TurnLimiter.Decision.ANSWER);

        assertThat(wanted).containsExactly(10, 10, 10);
        assertThat(memory.grantTenantTurns(TENANT, NOW, 1_000, 1_000)).as("the failed ask granted nothing")
                .isEqualTo(980);
    }

    @Test
    void aFailedGrantSpendsNothingAndTheNextReplyAsksAgain() {
        ConversationStore failingOnce = failingFirstGrant();
        TurnLimiter limiter = new TurnLimiter(TurnBudget.builder().perTenant(1_000).build(), failingOnce);

        CompletableFuture<TurnLimiter.Decision> failed = CompletableFuture.supplyAsync(
                () -> limiter.take(TENANT, sender("alice"), NOW));

        assertThat(failed).failsWithin(10, TimeUnit.SECONDS);
        assertThat(limiter.take(TENANT, sender("alice"), NOW)).isEqualTo(TurnLimiter.Decision.ANSWER);
        assertThat(wanted).containsExactly(10, 10);
    }

    private static ConversationKey sender(String contact) {
        return new ConversationKey(ChannelType.WHATSAPP, "account", contact);
    }

    /** The in-memory store, whose first grant waits until released. */
    private ConversationStore blockingFirstGrant() {
        return intercepting(() -> {
            if (wanted.size() == 1) {
                firstGrantAsked.countDown();
                try {
                    releaseFirstGrant.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    private ConversationStore failingFirstGrant() {
        return intercepting(() -> {
            if (wanted.size() == 1) {
                throw new IllegalStateException("the database is away");
            }
        });
    }

    private ConversationStore intercepting(Runnable beforeGrant) {
        return (ConversationStore) Proxy.newProxyInstance(ConversationStore.class.getClassLoader(),
                new Class<?>[] {ConversationStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("grantTenantTurns")) {
                        wanted.add((Integer) args[2]);
                        beforeGrant.run();
                    }
                    try {
                        return method.invoke(memory, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
