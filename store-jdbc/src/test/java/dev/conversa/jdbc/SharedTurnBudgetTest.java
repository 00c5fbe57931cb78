package dev.conversa.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.Conversa;
import dev.conversa.channel.ChannelAccount;
import dev.conversa.lang.Secret;
import dev.conversa.model.TenantId;
import dev.conversa.model.Text;
import dev.conversa.respond.Reply;
import dev.conversa.respond.TurnBudget;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import dev.conversa.store.Stores;
import dev.conversa.testsupport.AcceptingGraph;
import dev.conversa.testsupport.EchoTestChannel;
import dev.conversa.testsupport.MutableClock;
import dev.conversa.testsupport.TestSignatures;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The turn budget holds for every instance sharing the database, not per instance (issue #14):
 * a flood from one customer whose webhooks reach two running instances in turn gets one budget
 * of responder calls and one notice, and a tenant's budget caps its customers over both.
 */
class SharedTurnBudgetTest {

    private static final String APP_SECRET = "turn-app-secret";
    private static final String ACCOUNT = "acct-1";
    private static final TenantId TENANT = TenantId.of("shop");
    private static final String NOTICE = "Too many messages; we answer again later.";

    abstract static class Scenarios {

        /** A minute into a ten-minute window, standing still: no test crosses a window. */
        final MutableClock clock = MutableClock.at("2026-12-01T10:01:00Z");
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final List<Conversa> running = new ArrayList<>();
        JdbcStores jdbc;

        abstract JdbcStores stores(Clock clock);

        @BeforeEach
        void freshDatabase() {
            jdbc = stores(clock);
        }

        @AfterEach
        void stopInstances() {
            running.forEach(Conversa::close);
        }

        /** A started instance on the shared database, with its own dispatcher, sender and budget counters. */
        Conversa instance(TurnBudget budget) {
            Conversa conversa = Conversa.builder().appSecret(Secret.of(APP_SECRET)).verifyToken(Secret.of("verify"))
                    .channel(new EchoTestChannel()).stores(jdbc.stores()).graphClient(new AcceptingGraph())
                    .clock(clock).pollInterval(Duration.ofMillis(10)).burstQuietWindow(Duration.ZERO)
                    .withoutScheduledRetention().turnBudget(budget)
                    .responder(request -> {
                        String sender = request.conversation().key().contactId();
                        calls.computeIfAbsent(sender, key -> new AtomicInteger()).incrementAndGet();
                        return Reply.text("re: " + sender);
                    })
                    .build();
            running.add(conversa);
            conversa.registerAccount(ChannelAccount.of(TENANT, EchoTestChannel.TYPE, ACCOUNT, Secret.of("token")));
            conversa.start();
            return conversa;
        }

        @Test
        void aFloodReachingTwoInstancesGetsOneBudgetOfTurnsAndOneNotice() {
            TurnBudget budget = TurnBudget.builder().perSender(3).notice(NOTICE).build();
            List<Conversa> instances = List.of(instance(budget), instance(budget));

            // when: alice's 20 messages reach the two instances in turn, each answered before the next
            for (int i = 0; i < 20; i++) {
                deliver(instances.get(i % 2), "alice-" + i, "alice");
            }
            deliver(instances.get(1), "bob-0", "bob");

            // then: three responder calls for alice over both instances, one notice, and bob answered
            assertThat(calls.get("alice")).hasValue(3);
            assertThat(texts("alice")).containsExactly("re: alice", "re: alice", "re: alice", NOTICE);
            assertThat(calls.get("bob")).hasValue(1);
            assertThat(texts("bob")).containsExactly("re: bob");
        }

        @Test
        void aTenantsBudgetCapsItsCustomersOverTwoInstances() {
            TurnBudget budget = TurnBudget.builder().perSender(5).perTenant(4).notice(NOTICE).build();
            List<Conversa> instances = List.of(instance(budget), instance(budget));

            // when: ten customers write once each, alternately to the two instances
            for (int i = 0; i < 10; i++) {
                deliver(instances.get(i % 2), "c" + i + "-0", "c" + i);
            }

            // then: four turns in all; each of the other six customers got the notice
            assertThat(calls.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(4);
            for (int i = 0; i < 10; i++) {
                String customer = "c" + i;
                assertThat(texts(customer)).as(customer)
                        .containsExactly(calls.containsKey(customer) ? "re: " + customer : NOTICE);
            }
        }

        /** Posts a signed text from a customer to one instance and waits until nothing is left to do. */
        private void deliver(Conversa instance, String eventId, String from) {
            String json = EchoTestChannel.payload(ACCOUNT, eventId, from, clock.instant(), "message " + eventId);
            assertThat(instance.webhooks().handle(TestSignatures.signedPost(json, APP_SECRET)).status())
                    .isEqualTo(200);
            Stores stores = jdbc.stores();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(stores.inbox().pendingCount()).isZero();
                assertThat(stores.outbox().list(TENANT, OutboxState.PENDING, 10)).isEmpty();
                assertThat(stores.outbox().list(TENANT, OutboxState.SENDING, 10)).isEmpty();
            });
        }

        /** The texts sent to a customer, in the order they were queued (typing indicators left out). */
        private List<String> texts(String contact) {
            return jdbc.stores().outbox().list(TENANT, OutboxState.SENT, 1_000).stream()
                    .filter(entry -> entry.message().to().contactId().equals(contact))
                    .sorted(Comparator.comparingLong(OutboxEntry::id))
                    .map(entry -> entry.message().content())
                    .filter(Text.class::isInstance)
                    .map(content -> ((Text) content).body())
                    .toList();
        }
    }

    @Nested
    class OnH2 extends Scenarios {
        @Override
        JdbcStores stores(Clock clock) {
            return TestDatabases.h2(clock);
        }
    }

    @Nested
    class OnPostgreSql extends Scenarios {
        @Override
        JdbcStores stores(Clock clock) {
            return TestDatabases.postgres(clock);
        }
    }
}
