package dev.conversa.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.lang.ConversaException;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.Unsupported;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import dev.conversa.store.Stores;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rows written by another version in a form this one cannot read are kept and never block a conversation. */
class UnreadableRowsTest {

    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final ConversationKey ANNA = new ConversationKey(ChannelType.WHATSAPP, "phone-1", "anna");
    private static final String FUTURE = "{\"type\":\"from-a-later-version\"}";

    private DataSource dataSource;
    private Stores stores;

    /** The stores on a new H2 database or on the emptied shared PostgreSQL one. */
    private void on(String database) {
        JdbcStores jdbc;
        if (database.equals("postgresql")) {
            jdbc = TestDatabases.postgres(Clock.systemUTC());
            dataSource = TestDatabases.postgresDataSource();
        } else {
            dataSource = TestDatabases.h2DataSource();
            jdbc = JdbcStores.builder().dataSource(dataSource).tokenCipher(TestDatabases.cipher())
                    .clock(Clock.systemUTC()).build();
        }
        stores = jdbc.stores();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anInboxEventThisVersionCannotReadIsClaimedAsUnsupportedWithItsStoredJson(String database)
            throws SQLException {
        on(database);
        stores.inbox().append(Workload.TENANT, List.of(Workload.message(ANNA, "wamid.1", NOW)), NOW);
        execute("UPDATE conversa_inbox SET event = '" + FUTURE + "'");

        InboxEntry claimed = stores.inbox().claim("w", 1, LEASE, NOW).get(0);

        assertThat(claimed.event()).get().isInstanceOfSatisfying(Unsupported.class, event -> {
            assertThat(event.rawJson()).isEqualTo(FUTURE);
            assertThat(event.header().externalId()).isEqualTo("wamid.1");
            assertThat(event.conversation()).isEqualTo(ANNA);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anOutboxMessageThisVersionCannotReadIsMarkedDeadAndReleasesItsConversation(String database)
            throws SQLException {
        on(database);
        OutboxEntry unreadable = stores.outbox().enqueue(Workload.TENANT, OutboundMessage.text(ANNA, "one"), "k1", NOW);
        OutboxEntry next = stores.outbox().enqueue(Workload.TENANT, OutboundMessage.text(ANNA, "two"), "k2", NOW);
        execute("UPDATE conversa_outbox SET message = '" + FUTURE + "' WHERE id = " + unreadable.id());

        List<OutboxEntry> first = stores.outbox().claim("w", 1, LEASE, NOW);
        List<OutboxEntry> second = stores.outbox().claim("w", 1, LEASE, NOW);

        assertThat(first).isEmpty();
        assertThat(second).extracting(OutboxEntry::id).containsExactly(next.id());
        assertThatThrownBy(() -> stores.outbox().list(Workload.TENANT, OutboxState.DEAD, 10))
                .isInstanceOf(ConversaException.class)
                .hasMessage("outbox entry " + unreadable.id() + " holds a message this version cannot read");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
