package dev.conversa.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.ChannelType;
import dev.conversa.model.Contact;
import dev.conversa.model.TenantId;
import dev.conversa.store.ConsentRecord;
import dev.conversa.store.DeletionRequest;
import dev.conversa.store.DeletionStatus;
import dev.conversa.store.Stores;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** A database created by a release that had only V1 is brought to V2 without losing its data. */
class SchemaUpgradeTest {

    private static final TenantId TENANT = TenantId.of("acme");
    private static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void migrateUpgradesAnH2DatabaseAtVersionOneToVersionTwo() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

        assertUpgrades(dataSource, "h2");
    }

    @Test
    void migrateUpgradesAPostgresqlDatabaseAtVersionOneToVersionTwo() throws Exception {
        assertUpgrades(TestDatabases.newPostgresDatabase(), "postgresql");
    }

    private static void assertUpgrades(DataSource dataSource, String dialect) throws Exception {
        // given
        installVersionOne(dataSource, dialect);
        JdbcStores jdbc = JdbcStores.builder().dataSource(dataSource).tokenCipher(TestDatabases.cipher()).build();
        Contact anna = new Contact(TENANT, ChannelType.WHATSAPP, "15551234567", Optional.of("Anna"),
                Optional.empty(), Optional.empty(), AT);
        jdbc.stores().contacts().upsert(anna);

        // when
        var applied = jdbc.migrate();

        // then
        assertThat(applied).containsExactly(2);
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

    /** Does what migrate() of a release with V1 only did: the script and its version row. */
    private static void installVersionOne(DataSource dataSource, String dialect) throws SQLException, IOException {
        String script = "db/migration/" + dialect + "/V1__init.sql";
        String text;
        try (InputStream in = SchemaUpgradeTest.class.getClassLoader().getResourceAsStream(script)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String sql = text.lines().filter(line -> !line.strip().startsWith("--")).collect(Collectors.joining("\n"));
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE conversa_schema_version (version INTEGER PRIMARY KEY, "
                    + "description VARCHAR(200) NOT NULL, installed_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            for (String part : sql.split(";")) {
                if (!part.isBlank()) {
                    statement.execute(part);
                }
            }
            statement.execute("INSERT INTO conversa_schema_version VALUES (1, 'init', CURRENT_TIMESTAMP)");
        }
    }
}
