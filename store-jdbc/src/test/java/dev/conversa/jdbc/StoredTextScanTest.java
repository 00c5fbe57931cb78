package dev.conversa.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.Deleted;
import dev.conversa.model.Edited;
import dev.conversa.model.EventHeader;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.MessageContext;
import dev.conversa.model.SenderProfile;
import dev.conversa.model.TenantId;
import dev.conversa.model.Text;
import dev.conversa.pipeline.Pipeline;
import dev.conversa.privacy.DataClass;
import dev.conversa.privacy.RetentionJob;
import dev.conversa.privacy.RetentionPolicy;
import dev.conversa.respond.RulesResponder;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.Stores;
import dev.conversa.testsupport.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * Scans every text column of every table the library owns, found through the database's own
 * {@code information_schema}, for text that must be gone: the old text of an edited message and
 * the text of an unsent one once their events are processed, and everything of a conversation
 * once retention purged it. On H2 and on PostgreSQL.
 */
class StoredTextScanTest {

    private static final TenantId TENANT = TenantId.of("shop");
    private static final ConversationKey ANNA = new ConversationKey(ChannelType.WHATSAPP, "phone-1", "15550001111");
    private static final String OLD_TEXT = "my card number is 4111-OLD";
    private static final String NEW_TEXT = "sorry, wrong chat EDITED";
    private static final String UNSENT_TEXT = "this one I unsent UNSENT";
    private static final String NAME = "Anna Privata";

    private final MutableClock clock = MutableClock.at("2026-01-05T09:00:00Z");

    @Test
    void leavesNoTraceOfEditedOrUnsentTextOrOfAPurgedConversationOnH2() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcStores jdbc = JdbcStores.builder().dataSource(dataSource).tokenCipher(TestDatabases.cipher()).clock(clock)
                .build();
        jdbc.migrate();
        assertLeavesNoTrace(jdbc.stores(), dataSource);
    }

    @Test
    void leavesNoTraceOfEditedOrUnsentTextOrOfAPurgedConversationOnPostgres() throws Exception {
        assertLeavesNoTrace(TestDatabases.postgres(clock).stores(), TestDatabases.postgresDataSource());
    }

    private void assertLeavesNoTrace(Stores stores, DataSource dataSource) throws Exception {
        // given
        Pipeline pipeline = Pipeline.builder().stores(stores).clock(clock)
                .capabilities(ChannelType.WHATSAPP, new ChannelCapabilities(4096, 3, 20, 10, 13, false, true, true,
                        true, Set.of(), Duration.ofHours(24), Optional.empty(), "plain text"))
                .responder(RulesResponder.builder().fallback("Thanks!").build()).build();
        process(stores, pipeline, message("wamid.one", OLD_TEXT));
        process(stores, pipeline, new Edited(header("wamid.edit"), "wamid.one", new Text(NEW_TEXT)));
        process(stores, pipeline, message("wamid.two", UNSENT_TEXT));
        process(stores, pipeline, new Deleted(header("wamid.unsend"), "wamid.two"));

        // then
        assertThat(hits(dataSource, NEW_TEXT)).as("the scan finds the current text").isNotEmpty();
        assertThat(hits(dataSource, OLD_TEXT)).isEmpty();
        assertThat(hits(dataSource, UNSENT_TEXT)).isEmpty();

        // when
        clock.advance(Duration.ofDays(90));
        RetentionPolicy policy = RetentionPolicy.builder().keep(DataClass.CONVERSATIONS, Duration.ofDays(90)).build();
        RetentionJob.create(stores, policy).run(clock.instant());

        // then
        assertThat(hits(dataSource, NEW_TEXT)).isEmpty();
        assertThat(hits(dataSource, NAME)).isEmpty();
        assertThat(hits(dataSource, "5550001111")).isEmpty();
        assertThat(hits(dataSource, "Thanks!")).isEmpty();
    }

    private InboundMessage message(String id, String text) {
        return new InboundMessage(header(id), new Text(text), MessageContext.NONE,
                new SenderProfile(Optional.of(NAME), Optional.empty(), Optional.of("+1 555 000 1111")));
    }

    private EventHeader header(String externalId) {
        return new EventHeader(ANNA.channel(), ANNA.accountId(), ANNA.contactId(), externalId, clock.instant());
    }

    /** Appends the event, then runs whatever is due (the event, then the reply task) as the dispatcher does. */
    private void process(Stores stores, Pipeline pipeline, InboundEvent event) throws Exception {
        stores.inbox().append(TENANT, List.of(event), clock.instant());
        for (int round = 0; round < 2; round++) {
            for (InboxEntry entry : stores.inbox().claim("scan", 10, Duration.ofMinutes(1), clock.instant())) {
                assertThat(pipeline.process(entry)).isEmpty();
                stores.inbox().complete(entry, clock.instant());
            }
            clock.advance(Duration.ofSeconds(15));
        }
        for (var sent : stores.outbox().claim("scan", 10, Duration.ofMinutes(1), clock.instant())) {
            stores.outbox().markSent(stores.outbox().markSending(sent, Duration.ofMinutes(1), clock.instant()),
                    Optional.of("wamid.reply-" + sent.id()), clock.instant());
        }
    }

    /** Every table.column of the library's tables whose text contains the needle. */
    private static List<String> hits(DataSource dataSource, String needle) throws SQLException {
        List<String> hits = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String[] column : textColumns(connection)) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT COUNT(*) FROM " + column[0] + " WHERE " + column[1] + " LIKE ?")) {
                    statement.setString(1, "%" + needle + "%");
                    try (ResultSet row = statement.executeQuery()) {
                        row.next();
                        if (row.getLong(1) > 0) {
                            hits.add(column[0] + "." + column[1]);
                        }
                    }
                }
            }
        }
        return hits;
    }

    private static List<String[]> textColumns(Connection connection) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT table_name, column_name "
                + "FROM information_schema.columns WHERE LOWER(table_name) LIKE 'conversa%' "
                + "AND LOWER(table_schema) = 'public' "
                + "AND (LOWER(data_type) LIKE '%char%' OR LOWER(data_type) IN ('text', 'clob'))");
                ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                columns.add(new String[] {row.getString(1), row.getString(2)});
            }
        }
        assertThat(columns).as("text columns found in the catalogue").hasSizeGreaterThan(20);
        return columns;
    }
}
