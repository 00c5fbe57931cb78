package dev.conversa.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.ChannelType;
import dev.conversa.model.Contact;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.TenantId;
import dev.conversa.store.ConsentRecord;
import dev.conversa.store.DeletionRequest;
import dev.conversa.store.DeletionStatus;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import dev.conversa.store.Stores;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import dev.conversa.internal.json.ModelCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * A database created by an earlier release is brought to the latest version without losing its
 * data: one that had only V1, and one that had V1 and V2.
 */
class SchemaUpgradeTest {

    private static final TenantId TENANT = TenantId.of("acme");
    private static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");
    private static final ConversationKey ANNA = new ConversationKey(ChannelType.WHATSAPP, "phone-1", "15551234567");
    private static final ConversationKey BOB = new ConversationKey(ChannelType.WHATSAPP, "phone-1", "15557654321");

    @Test
    void migrateUpgradesAnH2DatabaseAtVersionOneToTheLatest() throws Exception {
        assertUpgradesFromVersionOne(h2(), "h2");
    }

    @Test
    void migrateUpgradesAPostgresqlDatabaseAtVersionOneToTheLatest() throws Exception {
        assertUpgradesFromVersionOne(TestDatabases.newPostgresDatabase(), "postgresql");
    }

    @Test
    void migrateUpgradesAnH2DatabaseAtVersionTwoToTheLatest() throws Exception {
        assertUpgradesFromVersionTwo(h2(), "h2");
    }

    @Test
    void migrateUpgradesAPostgresqlDatabaseAtVersionTwoToTheLatest() throws Exception {
        assertUpgradesFromVersionTwo(TestDatabases.newPostgresDatabase(), "postgresql");
    }

    private static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    private static void assertUpgradesFromVersionOne(DataSource dataSource, String dialect) throws Exception {
        // given
        install(dataSource, dialect, 1, "init");
        JdbcStores jdbc = JdbcStores.builder().dataSource(dataSource).tokenCipher(TestDatabases.cipher()).build();
        Contact anna = new Contact(TENANT, ChannelType.WHATSAPP, "15551234567", Optional.of("Anna"),
                Optional.empty(), Optional.empty(), AT);
        jdbc.stores().contacts().upsert(anna);

        // when
        var applied = jdbc.migrate();

        // then
        assertThat(applied).containsExactly(2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15);
        Stores stores = jdbc.stores();
        assertThat(stores.contacts().find(TENANT, ChannelType.WHATSAPP, "15551234567")).contains(anna);
        ConsentRecord optOut = new ConsentRecord(TENANT, ChannelType.WHATSAPP, "15551234567", ConsentRecord.ALL,
                false, AT, ConsentRecord.SOURCE_KEYWORD);
        stores.consents().record(optOut);
        assertThat(stores.consents().latest(TENANT, ChannelType.WHATSAPP, "15551234567", ConsentRecord.ALL))
                .contains(optOut);
        DeletionRequest request = new DeletionRequest(TENANT, "app-user-1", "CODE0001", DeletionStatus.RECEIVED,
                AT, AT);
        assertThat(stores.deletionRequests().record(request)).isTrue();
        assertThat(jdbc.migrate()).isEmpty();
    }

    private static void assertUpgradesFromVersionTwo(DataSource dataSource, String dialect) throws Exception {
        // given
        install(dataSource, dialect, 1, "init");
        install(dataSource, dialect, 2, "consent_and_deletion");
        JdbcStores jdbc = JdbcStores.builder().dataSource(dataSource).tokenCipher(TestDatabases.cipher()).build();
        long queued = enqueueAsBefore(dataSource, ANNA, "hello", "k1");
        String provisionalId = OutboxEntry.PROVISIONAL_ID_PREFIX + queued;
        appendAsBefore(dataSource, provisionalId);
        long onTheWire = enqueueAsBefore(dataSource, BOB, "hi", "k2");
        execute(dataSource, "UPDATE conversa_outbox SET state = 'SENDING', fence = 1, attempts = 1, "
                + "lease_until = TIMESTAMP WITH TIME ZONE '2026-01-05 08:59:00+00' WHERE id = " + onTheWire);

        // when
        var applied = jdbc.migrate();

        // then
        assertThat(applied).containsExactly(3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15);
        Stores stores = jdbc.stores();
        OutboxEntry claimed = stores.outbox().claim("w", 1, Duration.ofMinutes(1), AT).get(0);
        assertThat(claimed.id()).isEqualTo(queued);
        assertThat(stores.outbox().markSending(claimed, Duration.ofMinutes(1), AT).state())
                .isEqualTo(OutboxState.SENDING);
        assertThat(stores.outbox().find(TENANT, onTheWire).orElseThrow().state())
                .isEqualTo(OutboxState.SEND_UNCERTAIN);
        assertThat(stores.messages().rename(TENANT, ChannelType.WHATSAPP, provisionalId,
                List.of("mid.media", "mid.caption"))).isTrue();
        assertThat(stores.messages().find(TENANT, ChannelType.WHATSAPP, "mid.caption"))
                .hasValueSatisfying(m -> assertThat(m.messageId()).isEqualTo("mid.media"));
        assertThat(stores.deadLetters().record("page", "unreadable", "{}", AT).id()).isPositive();
        assertThat(jdbc.migrate()).isEmpty();
    }

    @Test
    void migrateKeepsTheHandoffMeaningOfOutboxRowsQueuedBeforeVersionFourOnH2() throws Exception {
        assertUpgradesFromVersionThree(h2(), "h2");
    }

    @Test
    void migrateKeepsTheHandoffMeaningOfOutboxRowsQueuedBeforeVersionFourOnPostgresql() throws Exception {
        assertUpgradesFromVersionThree(TestDatabases.newPostgresDatabase(), "postgresql");
    }

    private static void assertUpgradesFromVersionThree(DataSource dataSource, String dialect) throws Exception {
        // given: rows of a release that said "handoff" with the key prefix
        install(dataSource, dialect, 1, "init");
        install(dataSource, dialect, 2, "consent_and_deletion");
        install(dataSource, dialect, 3, "delivery");
        long handoff = enqueueAsBefore(dataSource, ANNA, "a colleague will answer", "handoff:17");
        long reply = enqueueAsBefore(dataSource, BOB, "hello", "reply:18:0");
        JdbcStores jdbc = JdbcStores.builder().dataSource(dataSource).tokenCipher(TestDatabases.cipher()).build();

        // when
        var applied = jdbc.migrate();

        // then
        assertThat(applied).containsExactly(4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15);
        Stores stores = jdbc.stores();
        assertThat(stores.outbox().find(TENANT, handoff).orElseThrow().completesHandoff()).isTrue();
        assertThat(stores.outbox().find(TENANT, reply).orElseThrow().completesHandoff()).isFalse();
        OutboxEntry flagged = stores.outbox().enqueue(TENANT, OutboundMessage.text(ANNA, "bye"), "k3", true, AT);
        assertThat(stores.outbox().find(TENANT, flagged.id()).orElseThrow().completesHandoff()).isTrue();
    }

    /** Writes the history record of an outbound PENDING message as the versions before V10 did. */
    private static void appendAsBefore(DataSource dataSource, String messageId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO conversa_message (tenant, "
                        + "channel, account_id, contact_id, message_id, direction, author, kind, body, status, "
                        + "status_rank, sent_at) VALUES (?, ?, ?, ?, ?, 'OUTBOUND', 'BOT', 'text', 'hello', "
                        + "'PENDING', 0, ?)")) {
            insert.setString(1, TENANT.value());
            insert.setString(2, ANNA.channel().value());
            insert.setString(3, ANNA.accountId());
            insert.setString(4, ANNA.contactId());
            insert.setString(5, messageId);
            insert.setObject(6, OffsetDateTime.ofInstant(AT, ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    /** Queues a message the way a release before version 4 did: without the handoff column. */
    private static long enqueueAsBefore(DataSource dataSource, ConversationKey to, String text, String key)
            throws SQLException {
        String json = ModelCodec.writeMessage(OutboundMessage.text(to, text));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO conversa_outbox (tenant, "
                        + "idempotency_key, channel, account_id, contact_id, message, state, attempts, not_before, "
                        + "fence, created_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, 0, ?)");
                PreparedStatement select = connection.prepareStatement("SELECT id FROM conversa_outbox "
                        + "WHERE idempotency_key = ?")) {
            OffsetDateTime at = OffsetDateTime.ofInstant(AT, ZoneOffset.UTC);
            insert.setString(1, TENANT.value());
            insert.setString(2, key);
            insert.setString(3, to.channel().value());
            insert.setString(4, to.accountId());
            insert.setString(5, to.contactId());
            insert.setString(6, json);
            insert.setObject(7, at);
            insert.setObject(8, at);
            insert.executeUpdate();
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Does what migrate() of a release that ended with this script did: the script and its version row. */
    private static void install(DataSource dataSource, String dialect, int version, String description)
            throws SQLException, IOException {
        String script = "db/migration/" + dialect + "/V" + version + "__" + description + ".sql";
        String text;
        try (InputStream in = SchemaUpgradeTest.class.getClassLoader().getResourceAsStream(script)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String sql = text.lines().filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining("\n"));
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS conversa_schema_version (version INTEGER PRIMARY KEY, "
                    + "description VARCHAR(200) NOT NULL, installed_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            for (String part : sql.split(";")) {
                if (!part.isBlank()) {
                    statement.execute(part);
                }
            }
            statement.execute("INSERT INTO conversa_schema_version VALUES (" + version + ", '" + description
                    + "', CURRENT_TIMESTAMP)");
        }
    }
}
