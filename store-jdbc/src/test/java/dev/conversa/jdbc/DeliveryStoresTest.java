package dev.conversa.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.crypto.TokenCipher;
import dev.conversa.lang.ConversaException;
import dev.conversa.lang.Secret;
import dev.conversa.model.Author;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Direction;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.TenantId;
import dev.conversa.store.DeadLetter;
import dev.conversa.store.Stores;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the JDBC stores do for delivery beyond the contract suites, on H2 and PostgreSQL. */
class DeliveryStoresTest {

    private static final TenantId TENANT = TenantId.of("acme");
    private static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");
    private static final ConversationKey ANNA = new ConversationKey(ChannelType.WHATSAPP, "phone-1", "anna");
    private static final ChannelType WA = ChannelType.WHATSAPP;

    private static Stores stores(String database) {
        return database.equals("h2") ? TestDatabases.h2(Clock.systemUTC()).stores()
                : TestDatabases.postgres(Clock.systemUTC()).stores();
    }

    private static MessageRecord outbound(String messageId, DeliveryStatus status) {
        return new MessageRecord(TENANT, ANNA, messageId, Direction.OUTBOUND, Author.BOT, "image",
                Optional.of("caption"), status, AT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void renameTakesOverARecordAlreadyStoredUnderAPartIdKeepingTheFurthestStatus(String database) {
        // given
        Stores stores = stores(database);
        stores.messages().append(outbound("outbox:7", DeliveryStatus.SENT));
        stores.messages().append(outbound("mid.caption", DeliveryStatus.READ));

        // when
        boolean renamed = stores.messages().rename(TENANT, WA, "outbox:7", List.of("mid.media", "mid.caption"));

        // then
        assertThat(renamed).isTrue();
        assertThat(stores.messages().history(TENANT, ANNA, 10)).singleElement().satisfies(m -> {
            assertThat(m.messageId()).isEqualTo("mid.media");
            assertThat(m.status()).isEqualTo(DeliveryStatus.READ);
        });
        assertThat(stores.messages().find(TENANT, WA, "mid.caption"))
                .hasValueSatisfying(m -> assertThat(m.messageId()).isEqualTo("mid.media"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void deletingAMessageForgetsItsPartIds(String database) {
        // given
        Stores stores = stores(database);
        stores.messages().append(outbound("outbox:7", DeliveryStatus.SENT));
        stores.messages().rename(TENANT, WA, "outbox:7", List.of("mid.media", "mid.caption"));

        // when
        boolean deleted = stores.messages().delete(TENANT, WA, "mid.media");

        // then
        assertThat(deleted).isTrue();
        assertThat(stores.messages().find(TENANT, WA, "mid.caption")).isEmpty();
        assertThat(stores.messages().updateStatus(TENANT, WA, "mid.caption", DeliveryStatus.READ)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aSecondRenameMovesThePartIdsToTheNewId(String database) {
        // given
        Stores stores = stores(database);
        stores.messages().append(outbound("outbox:7", DeliveryStatus.SENT));
        stores.messages().rename(TENANT, WA, "outbox:7", List.of("mid.media", "mid.caption"));

        // when
        stores.messages().rename(TENANT, WA, "mid.media", List.of("mid.final"));

        // then
        assertThat(stores.messages().find(TENANT, WA, "mid.caption"))
                .hasValueSatisfying(m -> assertThat(m.messageId()).isEqualTo("mid.final"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aDeadLetterKeepsAFullMegabyteBodyExactly(String database) {
        // given
        Stores stores = stores(database);
        char[] letters = new char[1024 * 1024];
        Arrays.fill(letters, 'x');
        String body = "{\"object\":\"page\",\"text\":\"\u00e9" + new String(letters) + "\"}";

        // when
        DeadLetter letter = stores.deadLetters().record("page", "not the page shape", body, AT);

        // then
        assertThat(stores.deadLetters().list(10)).singleElement().satisfies(stored -> {
            assertThat(stored.id()).isEqualTo(letter.id());
            assertThat(stored.body()).isEqualTo(body);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void findTenantWorksWhenTheTokenWasSealedWithAKeyNoLongerConfigured(String database) {
        // given
        DataSource dataSource = database.equals("h2") ? h2() : TestDatabases.postgresDataSource();
        JdbcStores before = JdbcStores.builder().dataSource(dataSource).tokenCipher(cipher("retired", 1)).build();
        before.migrate();
        before.stores().accounts().delete(TENANT, WA, "1001");
        before.stores().accounts().save(ChannelAccount.of(TENANT, WA, "1001", Secret.of("EAAG-token")));

        // when
        Stores after = JdbcStores.builder().dataSource(dataSource).tokenCipher(cipher("current", 2)).build().stores();

        // then
        assertThat(after.accounts().findTenant(WA, "1001")).contains(TENANT);
        assertThat(after.accounts().findTenant(WA, "1002")).isEmpty();
        assertThatThrownBy(() -> after.accounts().findByAccountId(WA, "1001")).isInstanceOf(ConversaException.class)
                .hasMessageContaining("'retired', which is not registered");
    }

    private static TokenCipher cipher(String keyId, int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return TokenCipher.builder().key(keyId, key).build();
    }

    private static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }
}
