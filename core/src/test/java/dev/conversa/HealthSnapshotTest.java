package dev.conversa;

import static dev.conversa.TestBed.ACCOUNT;
import static dev.conversa.TestBed.TENANT;
import static dev.conversa.TestBed.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.graph.GraphApiException;
import dev.conversa.lang.Secret;
import dev.conversa.model.OutboundMessage;
import dev.conversa.respond.Reply;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import dev.conversa.store.memory.InMemoryStores;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link Conversa#health()}: the backlog and its age, and what waits for a person, without personal data. */
class HealthSnapshotTest {

    @Test
    void reportsTheInboxBacklogAndTheAgeOfItsOldestEntry() {
        try (TestBed bed = new TestBed(InMemoryStores.create(), builder -> builder, false)) {
            assertThat(bed.conversa.health().inboxPending()).isZero();
            assertThat(bed.conversa.health().oldestPendingAge()).isEmpty();
            bed.deliver("m1", "alice", "hello");
            bed.clock.advance(Duration.ofSeconds(30));
            bed.deliver("m2", "bob", "hi");

            HealthSnapshot health = bed.conversa.health();

            assertThat(health.takenAt()).isEqualTo(bed.clock.instant());
            assertThat(health.inboxPending()).isEqualTo(2);
            assertThat(health.oldestPendingAge()).contains(Duration.ofSeconds(30));
            assertThat(health.needsAttention()).isFalse();
            assertThat(health.toString()).doesNotContain("alice", "bob", ACCOUNT);
        }
    }

    @Test
    void countsDeadSendsAndAccountsWhoseTokenWasRefusedUntilANewTokenIsRegistered() {
        try (TestBed bed = new TestBed(builder -> builder.responder(request -> Reply.silence()))) {
            bed.deliver("m1", "alice", "hello");
            await().until(() -> bed.stores.conversations().find(TENANT, key("alice"))
                    .flatMap(c -> c.lastInboundAt()).isPresent());
            bed.channel.failNextSend(GraphApiException.builder("bad parameter").httpStatus(400).code(100).build());
            OutboxEntry dead = bed.conversa.send(TENANT, OutboundMessage.text(key("alice"), "refused"));
            await().until(() -> state(bed, dead) == OutboxState.DEAD);
            bed.channel.failNextSend(GraphApiException.builder("token expired").httpStatus(401).code(190).build());
            OutboxEntry waiting = bed.conversa.send(TENANT, OutboundMessage.text(key("alice"), "waits"));
            await().until(() -> bed.stores.outbox().find(TENANT, waiting.id()).orElseThrow().lastError().isPresent());

            HealthSnapshot health = bed.conversa.health();

            assertThat(health.outboxDead()).isEqualTo(1);
            assertThat(health.outboxSendUncertain()).isZero();
            assertThat(health.outboxPending()).isEqualTo(1);
            assertThat(health.accountsWithRefusedToken()).isEqualTo(1);
            assertThat(health.needsAttention()).isTrue();
            assertThat(health.toString()).doesNotContain("alice", ACCOUNT, "token");

            bed.conversa.registerAccount(ChannelAccount.of(TENANT, bed.channel.type(), ACCOUNT,
                    Secret.of("new-token")));
            assertThat(bed.conversa.health().accountsWithRefusedToken()).isZero();
        }
    }

    private static OutboxState state(TestBed bed, OutboxEntry entry) {
        return bed.stores.outbox().find(TENANT, entry.id()).orElseThrow().state();
    }
}
