package dev.conversa.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.lang.ConversaException;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import dev.conversa.store.AccountStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Access tokens in {@code conversa_account}: bound to their row's channel, and readable when stored by older versions. */
class StoredTokenFormatTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final Secret OLD_TOKEN = Secret.of("EAAG-stored-before-upgrade");
    /**
     * {@link #OLD_TOKEN} of (acme, 1001) under {@link TestDatabases#cipher()}, in the first format
     * ({@code ct1}, without the channel), as the store of commit f9a98b0 wrote it.
     */
    private static final String FIRST_FORMAT =
            "ct1.test.ndR0YYrPWBQH35foIl0XYHrlnwi7LxphfxMjE-Ihn-rDpwhVvxYiOkJwSNEj3D7ZPz-oOe7P";

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private AccountStore accounts;

    @BeforeEach
    void migrate() {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcStores jdbc = JdbcStores.builder().dataSource(dataSource).tokenCipher(TestDatabases.cipher())
                .clock(Clock.systemUTC()).build();
        jdbc.migrate();
        accounts = jdbc.stores().accounts();
    }

    @Test
    void readsATokenStoredInTheFirstFormat() throws SQLException {
        insert(ChannelType.WHATSAPP, "1001", FIRST_FORMAT);

        ChannelAccount account = accounts.findByAccountId(ChannelType.WHATSAPP, "1001").orElseThrow();

        assertThat(account.accessToken()).isEqualTo(OLD_TOKEN);
        assertThat(account.tenant()).isEqualTo(ACME);
    }

    @Test
    void sealsAFirstFormatTokenInTheCurrentFormatWhenTheAccountIsSavedAgain() throws SQLException {
        // given
        insert(ChannelType.WHATSAPP, "1001", FIRST_FORMAT);
        ChannelAccount account = accounts.findByAccountId(ChannelType.WHATSAPP, "1001").orElseThrow();

        // when
        accounts.save(account);

        // then
        assertThat(ciphertext(ChannelType.WHATSAPP, "1001")).startsWith("ct2.test.");
        assertThat(accounts.findByAccountId(ChannelType.WHATSAPP, "1001").orElseThrow().accessToken())
                .isEqualTo(OLD_TOKEN);
    }

    @Test
    void refusesATokenCopiedToTheSameAccountIdOnAnotherChannel() throws SQLException {
        // given: an id that exists on two channels, and the WhatsApp row's token copied to the Messenger row
        accounts.save(ChannelAccount.of(ACME, ChannelType.WHATSAPP, "1001", Secret.of("EAAG-whatsapp-token")));
        insert(ChannelType.MESSENGER, "1001", ciphertext(ChannelType.WHATSAPP, "1001"));

        // then
        assertThat(accounts.findByAccountId(ChannelType.WHATSAPP, "1001").orElseThrow().accessToken())
                .isEqualTo(Secret.of("EAAG-whatsapp-token"));
        assertThatThrownBy(() -> accounts.findByAccountId(ChannelType.MESSENGER, "1001"))
                .isInstanceOf(ConversaException.class)
                .hasMessageContaining("failed authentication")
                .hasMessageNotContaining("EAAG-whatsapp-token");
    }

    private void insert(ChannelType channel, String accountId, String ciphertext) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO conversa_account "
                        + "(tenant, channel, account_id, token_ciphertext, settings, updated_at) "
                        + "VALUES (?, ?, ?, ?, '{}', ?)")) {
            insert.setString(1, ACME.value());
            insert.setString(2, channel.value());
            insert.setString(3, accountId);
            insert.setString(4, ciphertext);
            insert.setTimestamp(5, Timestamp.from(Instant.parse("2026-01-05T09:00:00Z")));
            insert.executeUpdate();
        }
    }

    private String ciphertext(ChannelType channel, String accountId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT token_ciphertext FROM conversa_account WHERE channel = ? AND account_id = ?")) {
            select.setString(1, channel.value());
            select.setString(2, accountId);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }
}
