package dev.conversa.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.store.Inbox;
import dev.conversa.store.InboxEntry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On an H2 file database, every commit reaches the file before it returns. */
class H2WriteDelayTest {

    @TempDir
    Path directory;

    private String url(String settings) {
        return "jdbc:h2:file:" + directory.resolve("conversa").toAbsolutePath() + settings;
    }

    private static JdbcStores.Builder builder(DataSource dataSource) {
        return JdbcStores.builder().dataSource(dataSource).tokenCipher(TestDatabases.cipher());
    }

    @Test
    void writeDelayIsZeroAfterJdbcStoresOpensAnH2FileDatabase() throws SQLException {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url(""), "sa", "");
        try {
            builder(pool).build();

            assertThat(writeDelays(pool)).isNotEmpty().containsOnly("0");
        } finally {
            pool.dispose();
        }
    }

    @Test
    void aUrlThatSetsAWriteDelayIsRefused() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url(";WRITE_DELAY=500"));

        assertThatThrownBy(() -> builder(dataSource).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("URL sets WRITE_DELAY=500")
                .hasMessageContaining("set WRITE_DELAY=0");
    }

    @Test
    void aPoolWhoseUrlSetsAWriteDelayIsRefused() {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url(";WRITE_DELAY=300"), "sa", "");
        try {
            assertThatThrownBy(() -> builder(pool).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("URL sets WRITE_DELAY=300");
        } finally {
            pool.dispose();
        }
    }

    @Test
    void aDataSourceThatLetsH2CloseTheFileBetweenConnectionsIsRefused() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url(""));

        assertThatThrownBy(() -> builder(dataSource).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reopened it with WRITE_DELAY=500")
                .hasMessageContaining("JdbcConnectionPool");
    }

    @Test
    void aUrlWithWriteDelayZeroNeedsNoPool() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url(";WRITE_DELAY=0"));

        assertThat(builder(dataSource).build().databaseName()).isEqualTo("h2");
    }

    @Test
    void everyAppendThatReturnedSurvivesTheProcessBeingKilled() throws Exception {
        // given
        String url = url("");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledProcessChild.class.getName(), url)
                .redirectErrorStream(true).start();
        int acknowledged;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            List<String> output = new ArrayList<>();
            acknowledged = CompletableFuture.supplyAsync(() -> readAcknowledgements(lines, 300, output))
                    .get(120, TimeUnit.SECONDS);
            assertThat(acknowledged).as("child output: %s", output).isEqualTo(300);

            // when
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        // then
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        try {
            List<String> stored = new ArrayList<>();
            Inbox inbox = builder(pool).build().stores().inbox();
            Instant later = Instant.now().plusSeconds(60);
            for (List<InboxEntry> claimed = inbox.claim("w", 1, Duration.ofMinutes(1), later); !claimed.isEmpty();
                    claimed = inbox.claim("w", 1, Duration.ofMinutes(1), later)) {
                stored.add(claimed.get(0).event().orElseThrow().header().externalId());
                inbox.complete(claimed.get(0), later);
            }
            assertThat(stored).startsWith(IntStream.rangeClosed(0, acknowledged)
                    .mapToObj(KilledProcessChild::externalId).toArray(String[]::new));
        } finally {
            pool.dispose();
        }
    }

    /** Reads the child's output up to its acknowledgement of event {@code last}; returns the last one read. */
    private static int readAcknowledgements(BufferedReader lines, int last, List<String> output) {
        int acknowledged = -1;
        try {
            String line;
            while (acknowledged < last && (line = lines.readLine()) != null) {
                if (line.startsWith(KilledProcessChild.ACKNOWLEDGED)) {
                    acknowledged = Integer.parseInt(line.substring(KilledProcessChild.ACKNOWLEDGED.length()));
                } else {
                    output.add(line);
                }
            }
        } catch (IOException e) {
            output.add(e.toString());
        }
        return acknowledged;
    }

    private static List<String> writeDelays(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
