package dev.conversa.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.OutboundMessage;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.Stores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Claims read candidates a page at a time from the due index and each lane's first entries a
 * page at a time: work that waits behind held conversations or behind a lane's reply tasks is
 * still found, on H2 and PostgreSQL.
 */
class ClaimPagingTest {

    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);

    private static Stores stores(String database) {
        return database.equals("h2") ? TestDatabases.h2(Clock.systemUTC()).stores()
                : TestDatabases.postgres(Clock.systemUTC()).stores();
    }

    private static ConversationKey contact(String id) {
        return new ConversationKey(ChannelType.WHATSAPP, "phone-1", id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void inboxWorkBehindHundredsOfEntriesOfHeldConversationsIsClaimed(String database) {
        // given
        Stores stores = stores(database);
        for (int c = 0; c < 40; c++) {
            List<InboundEvent> backlog = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                backlog.add(Workload.message(contact("held-" + c), "held-" + c + "-" + i, NOW));
            }
            stores.inbox().append(Workload.TENANT, backlog, NOW);
        }
        assertThat(stores.inbox().claim("w1", 40, LEASE, NOW)).hasSize(40);
        stores.inbox().append(Workload.TENANT, List.of(Workload.message(contact("free"), "free-1", NOW)), NOW);

        // when
        List<InboxEntry> claimed = stores.inbox().claim("w2", 5, LEASE, NOW);

        // then
        assertThat(claimed).singleElement().satisfies(e -> assertThat(e.conversation()).isEqualTo(contact("free")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anEventBehindMoreReplyTasksNotYetDueThanOnePageIsClaimed(String database) {
        // given
        Stores stores = stores(database);
        ConversationKey anna = contact("anna");
        for (int task = 0; task < 12; task++) {
            stores.inbox().scheduleReply(Workload.TENANT, anna, NOW, NOW);
            InboxEntry claimed = stores.inbox().claim("w", 1, LEASE, NOW).get(0);
            stores.inbox().retry(claimed, NOW.plusSeconds(3600), "responder unavailable");
        }
        stores.inbox().append(Workload.TENANT, List.of(Workload.message(anna, "a1", NOW)), NOW);

        // when
        List<InboxEntry> claimed = stores.inbox().claim("w", 5, LEASE, NOW);

        // then
        assertThat(stores.inbox().pendingCount()).isEqualTo(13);
        assertThat(claimed).singleElement().satisfies(e -> assertThat(e.isReplyTask()).isFalse());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void outboxWorkBehindHundredsOfEntriesOfHeldConversationsIsClaimed(String database) {
        // given
        Stores stores = stores(database);
        for (int c = 0; c < 40; c++) {
            for (int i = 0; i < 20; i++) {
                stores.outbox().enqueue(Workload.TENANT, OutboundMessage.text(contact("held-" + c), "m" + i),
                        "held-" + c + "-" + i, NOW);
            }
        }
        assertThat(stores.outbox().claim("w1", 40, LEASE, NOW)).hasSize(40);
        stores.outbox().enqueue(Workload.TENANT, OutboundMessage.text(contact("free"), "hi"), "free-1", NOW);

        // when
        List<OutboxEntry> claimed = stores.outbox().claim("w2", 5, LEASE, NOW);

        // then
        assertThat(claimed).singleElement().satisfies(e -> assertThat(e.idempotencyKey()).isEqualTo("free-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aClaimTakesEveryClaimableConversationUpToMaxAcrossPages(String database) {
        // given
        Stores stores = stores(database);
        for (int c = 0; c < 150; c++) {
            stores.inbox().append(Workload.TENANT, List.of(Workload.message(contact("c" + c), "c" + c + "-1", NOW),
                    Workload.message(contact("c" + c), "c" + c + "-2", NOW)), NOW);
        }

        // when
        List<InboxEntry> claimed = stores.inbox().claim("w", 120, LEASE, NOW);

        // then
        assertThat(claimed).hasSize(120).extracting(InboxEntry::conversation).doesNotHaveDuplicates();
        assertThat(claimed).extracting(e -> e.event().orElseThrow().header().externalId()).allMatch(
                id -> id.endsWith("-1"));
    }
}
