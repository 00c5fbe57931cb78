package dev.conversa.benchmarks.db;

import dev.conversa.crypto.TokenCipher;
import dev.conversa.jdbc.JdbcStores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The databases a benchmark runs on, each fresh: an H2 file in a temporary folder, or a new
 * database on one embedded PostgreSQL server (zonky, as store-jdbc's tests use), both behind a
 * connection pool (H2's {@link JdbcConnectionPool}, which pools any JDBC driver's connections).
 * The server runs with zonky's test settings ({@code fsync=off}, {@code synchronous_commit=off})
 * unless it is asked to be durable ({@code fsync=on}, {@code synchronous_commit=on}: every commit
 * waits for the disk, as in production). Its autovacuum looks at the tables every second instead of
 * every minute, so that the statistics of tables filled during a run of a minute are as fresh
 * as those of a database in service, unless {@linkplain #defaultAutovacuum() asked not to};
 * {@link #statements} reports what PostgreSQL spent its time on ({@code pg_stat_statements}).
 * Not thread-safe; closed once at the end.
 */
public final class BenchmarkDatabases implements AutoCloseable {

    /** The databases, by the names the benchmarks' arguments use. */
    public enum Kind {
        /** H2, a file database. */
        H2,
        /** PostgreSQL, embedded. */
        POSTGRESQL
    }

    private final Path folder;
    private final int connections;
    private final boolean durable;
    private final List<JdbcConnectionPool> pools = new ArrayList<>();
    private EmbeddedPostgres server;
    private int created;
    private boolean planning;
    private boolean autovacuumEverySecond = true;

    /**
     * Prepares databases; nothing starts until the first is asked for.
     *
     * @param connections the size of each database's pool
     * @param durable whether PostgreSQL syncs every commit to disk
     */
    public BenchmarkDatabases(int connections, boolean durable) {
        this.connections = connections;
        this.durable = durable;
        try {
            this.folder = Files.createTempDirectory("conversa-bench");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the H2 files", e);
        }
    }

    /**
     * Has PostgreSQL also count each statement's planning ({@code pg_stat_statements.track_planning}),
     * which {@link #statements} then reports. It costs a little on every plan, so it is off unless
     * asked for; ask before the first database.
     *
     * @throws IllegalStateException if the server already runs
     */
    public void trackPlanning() {
        if (server != null) {
            throw new IllegalStateException("the server already runs; ask for planning before the first database");
        }
        planning = true;
    }

    /**
     * Leaves PostgreSQL's autovacuum as it comes (a look at each database a minute) instead of a
     * look every second: for a benchmark whose statements have one plan whatever the statistics,
     * such as the inbox's insert. On a table that grows by thousands of rows a second, a look
     * every second vacuums and analyzes it every second or two, a pass a real table of that size
     * would see far less often. Ask before the first database.
     *
     * @throws IllegalStateException if the server already runs
     */
    public void defaultAutovacuum() {
        if (server != null) {
            throw new IllegalStateException("the server already runs; ask for the default autovacuum before the "
                    + "first database");
        }
        autovacuumEverySecond = false;
    }

    /**
     * Fresh, migrated stores on a new, empty database of that kind.
     *
     * @param kind the database
     * @return the stores
     */
    public JdbcStores fresh(Kind kind) {
        JdbcConnectionPool pool = kind == Kind.H2 ? h2() : postgres();
        pool.setMaxConnections(connections);
        pools.add(pool);
        JdbcStores jdbc = JdbcStores.builder().dataSource(pool).tokenCipher(cipher()).build();
        jdbc.migrate();
        return jdbc;
    }

    /**
     * The pool of the newest database, for work the stores do not do.
     *
     * @return its data source
     */
    public DataSource newest() {
        return pools.get(pools.size() - 1);
    }

    /**
     * How the newest database is set up, for the report: H2's WRITE_DELAY, PostgreSQL's fsync and
     * how often its autovacuum looks.
     *
     * @param kind its kind
     * @return the settings, as text
     */
    public String settings(Kind kind) {
        String sql = kind == Kind.H2
                ? "SELECT 'WRITE_DELAY=' || MAX(SETTING_VALUE) FROM INFORMATION_SCHEMA.SETTINGS "
                        + "WHERE SETTING_NAME = 'WRITE_DELAY'"
                : "SELECT 'PostgreSQL ' || current_setting('server_version') || ', fsync=' || current_setting('fsync') "
                        + "|| ', synchronous_commit=' || current_setting('synchronous_commit') "
                        + "|| ', autovacuum_naptime=' || current_setting('autovacuum_naptime')";
        return first(sql, "cannot read the database's settings", row -> row.getString(1));
    }

    /**
     * Forgets what PostgreSQL counted per statement in the newest database, so that {@link
     * #statements} reports from now on.
     */
    public void resetStatements() {
        try (Connection connection = newest().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.execute("SELECT pg_stat_statements_reset()");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset PostgreSQL's statement statistics", e);
        }
    }

    /**
     * The statements PostgreSQL spent the most time on since {@link #resetStatements}, one line
     * each: total milliseconds executing, calls, rows and the statement's first characters; with
     * {@link #trackPlanning}, also how often it was planned and the milliseconds that took.
     *
     * @param top how many
     * @return the lines, most time first
     */
    public List<String> statements(int top) {
        String sql = "SELECT total_exec_time, calls, rows, plans, total_plan_time, regexp_replace(query, '\\s+', ' ', "
                + "'g') FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = "
                + "current_database()) ORDER BY total_exec_time + total_plan_time DESC LIMIT " + top;
        List<String> lines = new ArrayList<>();
        try (Connection connection = newest().getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String query = rows.getString(6);
                String plans = planning ? String.format(java.util.Locale.ROOT, " %,9d plans %,8.0f ms", rows.getLong(4),
                        rows.getDouble(5)) : "";
                lines.add(String.format(java.util.Locale.ROOT, "%,10.0f ms %,9d calls %,9d rows%s  %s",
                        rows.getDouble(1), rows.getLong(2), rows.getLong(3), plans,
                        query.substring(0, Math.min(query.length(), 160))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read PostgreSQL's statement statistics", e);
        }
        return lines;
    }

    /**
     * How many statements the newest database ran since {@link #resetStatements}, the
     * transactions' own {@code BEGIN} and {@code COMMIT} and the statistics' queries left out.
     *
     * @return the calls, counted by {@code pg_stat_statements}
     */
    public long statementCalls() {
        String sql = "SELECT COALESCE(SUM(calls), 0) FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database "
                + "WHERE datname = current_database()) AND query NOT IN ('BEGIN', 'COMMIT') AND query NOT LIKE '%pg_stat%'";
        return first(sql, "cannot read PostgreSQL's statement statistics", row -> row.getLong(1));
    }

    /**
     * How many transactions the newest database began since {@link #resetStatements}: its
     * {@code BEGIN}s. Each ends with a {@code COMMIT} or {@code ROLLBACK}, a round trip of its
     * own; a statement run without a transaction has none.
     *
     * @return the {@code BEGIN}s, counted by {@code pg_stat_statements}
     */
    public long transactionsBegun() {
        String sql = "SELECT COALESCE(SUM(calls), 0) FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database "
                + "WHERE datname = current_database()) AND query = 'BEGIN'";
        return first(sql, "cannot read PostgreSQL's statement statistics", row -> row.getLong(1));
    }

    /**
     * The processor time the PostgreSQL server used so far, all its processes together (Linux
     * only): the postmaster's, found as the parent of a backend of the newest database.
     *
     * @return nanoseconds, empty where {@code /proc} cannot tell
     */
    public OptionalLong postgresCpuNanos() {
        long backend = first("SELECT pg_backend_pid()", "cannot ask PostgreSQL for a backend's process id",
                row -> row.getLong(1));
        OptionalLong postmaster = ProcessCpu.parentOf(backend);
        return postmaster.isPresent() ? ProcessCpu.ofTree(postmaster.getAsLong()) : OptionalLong.empty();
    }

    /** The first row of a query on the newest database, read by {@code column}. */
    private <T> T first(String sql, String failure, Column<T> column) {
        try (Connection connection = newest().getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return column.read(row);
        } catch (SQLException e) {
            throw new IllegalStateException(failure, e);
        }
    }

    /** Reads what a query's row holds. */
    @FunctionalInterface
    private interface Column<T> {
        T read(ResultSet row) throws SQLException;
    }

    private JdbcConnectionPool h2() {
        Path file = folder.resolve("conversa-" + ++created);
        return JdbcConnectionPool.create("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
    }

    private JdbcConnectionPool postgres() {
        String name = "bench_" + ++created;
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a PostgreSQL database", e);
        }
        PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
        source.setServerNames(new String[] {"localhost"});
        source.setPortNumbers(new int[] {server.getPort()});
        source.setDatabaseName(name);
        source.setUser("postgres");
        return JdbcConnectionPool.create(source);
    }

    private EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                if (durable) {
                    builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
                }
                // statistics as a database that has run a minute has them: the runs last about a minute on
                // fresh tables, and until the first automatic ANALYZE (60 s apart by default) the plans
                // PostgreSQL cached while the tables were nearly empty scan a tenant's rows for one row
                if (autovacuumEverySecond) {
                    builder.setServerConfig("autovacuum_naptime", "1");
                }
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
                builder.setServerConfig("pg_stat_statements.track_planning", planning ? "on" : "off");
                server = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
        return server;
    }

    private static TokenCipher cipher() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        return TokenCipher.builder().key("bench", key).build();
    }

    @Override
    public void close() throws IOException {
        pools.forEach(JdbcConnectionPool::dispose);
        if (server != null) {
            server.close();
        }
        try (var files = Files.walk(folder)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        }
    }
}
