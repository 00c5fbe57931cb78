package dev.conversa.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.lang.ConversaException;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import dev.conversa.store.AuditEvent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class JdbcStoresTest {

    private static JdbcDataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    private static JdbcStores stores(DataSource dataSource) {
        return JdbcStores.builder().dataSource(dataSource).tokenCipher(TestDatabases.cipher()).build();
    }

    @Test
    void detectsH2FromTheConnection() {
        assertThat(stores(h2()).databaseName()).isEqualTo("h2");
    }

    @Test
    void detectsPostgresqlFromTheConnection() {
        assertThat(TestDatabases.postgres(Clock.systemUTC()).databaseName()).isEqualTo("postgresql");
    }

    @Test
    void migrateAppliesEveryVersionOnceAndRecordsIt() throws SQLException {
        JdbcDataSource dataSource = h2();
        JdbcStores jdbc = stores(dataSource);

        assertThat(jdbc.migrate()).containsExactly(1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15);
        assertThat(jdbc.migrate()).isEmpty();
        assertThat(queryString(dataSource, "SELECT description FROM conversa_schema_version WHERE version = 1"))
                .isEqualTo("init");
        assertThat(queryString(dataSource, "SELECT description FROM conversa_schema_version WHERE version = 2"))
                .isEqualTo("consent_and_deletion");
        assertThat(queryString(dataSource, "SELECT description FROM conversa_schema_version WHERE version = 3"))
                .isEqualTo("delivery");
    }

    @Test
    void instancesMigratingAtOnceApplyEachVersionOnce() throws Exception {
        JdbcStores fresh = JdbcStores.builder().dataSource(TestDatabases.newPostgresDatabase())
                .tokenCipher(TestDatabases.cipher()).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Integer>>> migrations = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                migrations.add(pool.submit(() -> {
                    assertThat(go.await(60, TimeUnit.SECONDS)).as("start signal").isTrue();
                    return fresh.migrate();
                }));
            }
            go.countDown();
            List<Integer> applied = new ArrayList<>();
            for (Future<List<Integer>> migration : migrations) {
                applied.addAll(migration.get(60, TimeUnit.SECONDS));
            }

            assertThat(applied).containsExactly(1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void accessTokensAreStoredEncrypted() throws SQLException {
        JdbcDataSource dataSource = h2();
        JdbcStores jdbc = stores(dataSource);
        jdbc.migrate();

        jdbc.stores().accounts().save(ChannelAccount.of(TenantId.of("acme"), ChannelType.WHATSAPP, "1001",
                Secret.of("EAAG-very-secret")));

        assertThat(queryString(dataSource, "SELECT token_ciphertext FROM conversa_account"))
                .startsWith("ct2.test.")
                .doesNotContain("EAAG-very-secret");
    }

    @Test
    void leavesThePooledConnectionsSettingsAsItFoundThem() throws SQLException {
        JdbcDataSource dataSource = h2();
        stores(dataSource).migrate();
        TestPool pool = new TestPool(dataSource);
        try (Connection connection = pool.getConnection()) {
            connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        }

        stores(pool).stores().audit().record(new AuditEvent(TenantId.of("acme"), Instant.EPOCH, "erasure",
                Map.of("contacts", "1")));

        try (Connection connection = pool.getConnection()) {
            assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
            assertThat(connection.getAutoCommit()).isTrue();
        }
        assertThat(stores(pool).stores().audit().list(TenantId.of("acme"), 10)).hasSize(1);
    }

    @Test
    void buildRequiresADataSource() {
        assertThatThrownBy(() -> JdbcStores.builder().tokenCipher(TestDatabases.cipher()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dataSource(");
    }

    @Test
    void buildRequiresATokenCipher() {
        assertThatThrownBy(() -> JdbcStores.builder().dataSource(h2()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tokenCipher(");
    }

    @Test
    void failuresNameTheOperationButNoValues() {
        JdbcStores unmigrated = stores(h2());

        assertThatThrownBy(() -> unmigrated.stores().contacts().findByIdentifier(TenantId.of("acme"), "+4917012345"))
                .isInstanceOf(ConversaException.class)
                .hasMessageStartingWith("finding contacts failed: SQL state")
                .hasMessageNotContaining("4917012345")
                .hasNoCause();
    }

    private static String queryString(JdbcDataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
