package dev.conversa.jdbc;

import static dev.conversa.privacy.ErasureScenario.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.privacy.ErasureReport;
import dev.conversa.privacy.ErasureScenario;
import dev.conversa.privacy.Privacy;
import dev.conversa.testsupport.MutableClock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Erasure of one person on H2 and PostgreSQL: afterwards no text or binary column of any table
 * the library owns (found through {@code information_schema}) holds her number in any format,
 * her ids, user name, name, texts or WhatsApp message ids (also decoded), and the other person
 * is intact. A restored backup is erased again by {@code reapplyErasures()}.
 */
class ErasureCompletenessTest {

    private static final String[] IDENTIFIERS = {"+34 612 34 56 78", "@ANA.lopez.77", "7701234567890123"};

    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");

    private void eraseAndScan(JdbcStores jdbc, DataSource dataSource, String identifier) throws SQLException {
        ErasureScenario scenario = new ErasureScenario();
        scenario.seed(jdbc.stores(), clock.instant());
        assertThat(ErasureCompletenessScan.columns(dataSource)).containsKeys("conversa_contact", "conversa_message",
                "conversa_inbox", "conversa_outbox", "conversa_erasure");
        assertThat(scenario.hits(ErasureCompletenessScan.values(dataSource))).isNotEmpty();

        ErasureReport report = ErasureScenario.privacy(jdbc.stores(), clock).erase(TENANT, identifier);

        assertThat(scenario.hits(ErasureCompletenessScan.values(dataSource))).isEmpty();
        scenario.assertBrunoIntact(jdbc.stores());
        assertThat(report.count(ErasureReport.CONTACTS)).isEqualTo(3);
        assertThat(report.count(ErasureReport.OUTBOX)).isEqualTo(3);
    }

    @Nested
    class OnH2 {

        @ParameterizedTest
        @ValueSource(strings = {"+34 612 34 56 78", "@ANA.lopez.77", "7701234567890123"})
        void nothingOfThePersonRemains(String identifier) throws SQLException {
            JdbcDataSource dataSource = h2();
            eraseAndScan(stores(dataSource), dataSource, identifier);
        }

        @Test
        void reapplyErasuresAfterRestoringABackupErasesAgain() throws SQLException {
            JdbcDataSource dataSource = h2();
            JdbcStores jdbc = stores(dataSource);
            ErasureScenario scenario = new ErasureScenario();
            scenario.seed(jdbc.stores(), clock.instant());
            String backup = "mem:" + UUID.randomUUID();
            execute(dataSource, "SCRIPT TO 'target/" + backup.replace(':', '-') + ".sql'");
            Privacy privacy = ErasureScenario.privacy(jdbc.stores(), clock);
            privacy.erase(TENANT, IDENTIFIERS[0]);
            List<Map<String, Object>> ledger = ledgerRows(dataSource);

            execute(dataSource, "DROP ALL OBJECTS");
            execute(dataSource, "RUNSCRIPT FROM 'target/" + backup.replace(':', '-') + ".sql'");
            for (Map<String, Object> row : ledger) {
                try (Connection connection = dataSource.getConnection(); var insert = connection.prepareStatement(
                        "INSERT INTO conversa_erasure (tenant, key_hash, erased_at, counts) VALUES (?, ?, ?, ?)")) {
                    insert.setObject(1, row.get("TENANT"));
                    insert.setObject(2, row.get("KEY_HASH"));
                    insert.setObject(3, row.get("ERASED_AT"));
                    insert.setObject(4, row.get("COUNTS"));
                    insert.executeUpdate();
                }
            }
            assertThat(scenario.hits(ErasureCompletenessScan.values(dataSource))).isNotEmpty();

            assertThat(privacy.reapplyErasures()).isNotEmpty();

            assertThat(scenario.hits(ErasureCompletenessScan.values(dataSource))).isEmpty();
            scenario.assertBrunoIntact(jdbc.stores());
        }

        private JdbcDataSource h2() {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            return dataSource;
        }
    }

    @Nested
    class OnPostgres {

        @ParameterizedTest
        @ValueSource(strings = {"+34 612 34 56 78", "@ANA.lopez.77", "7701234567890123"})
        void nothingOfThePersonRemains(String identifier) throws SQLException {
            eraseAndScan(TestDatabases.postgres(clock), TestDatabases.postgresDataSource(), identifier);
        }
    }

    private JdbcStores stores(DataSource dataSource) {
        JdbcStores jdbc = JdbcStores.builder().dataSource(dataSource).tokenCipher(TestDatabases.cipher()).clock(clock)
                .build();
        jdbc.migrate();
        return jdbc;
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<Map<String, Object>> ledgerRows(DataSource dataSource) throws SQLException {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                var result = statement.executeQuery("SELECT tenant, key_hash, erased_at, counts FROM conversa_erasure")) {
            while (result.next()) {
                rows.add(Map.of("TENANT", result.getString(1), "KEY_HASH", result.getString(2), "ERASED_AT",
                        result.getObject(3), "COUNTS", result.getString(4)));
            }
        }
        assertThat(rows).isNotEmpty();
        return rows;
    }
}
