package dev.conversa.jdbc.internal;

import dev.conversa.lang.ConversaException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Makes every commit on an H2 file database reach the file before it returns. H2 keeps the
 * commits of the last {@code WRITE_DELAY} milliseconds (500 by default) in memory, so a process
 * killed after acknowledging a webhook would lose it; with {@code WRITE_DELAY 0} each commit is
 * written to the file (not synced to the disk: an OS crash or a power loss can still lose it,
 * which only a database that syncs, such as PostgreSQL with {@code fsync} on, prevents).
 *
 * <p>H2 sets the delay from the URL (or to 500) each time it opens the file, and applies a
 * {@code WRITE_DELAY} in the URL on every new connection. So this sets it to 0, then checks it
 * is still 0 on a second connection opened meanwhile (a URL that sets it otherwise is refused)
 * and on a connection opened after both were closed (a data source that lets H2 close the file
 * between uses is refused: every reopening would bring the delay back). In-memory databases
 * have no file and need nothing.
 */
public final class H2WriteDelay {

    private static final String PATH = "SELECT DATABASE_PATH()";
    private static final String READ = "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
            + "WHERE SETTING_NAME = 'WRITE_DELAY'";

    private H2WriteDelay() {}

    /**
     * Sets {@code WRITE_DELAY} to 0 and checks that it stays so.
     *
     * @param dataSource an H2 data source
     * @return the file database's path as H2 resolved it (absolute, however the URL spells it),
     *     which names the database; empty for an in-memory database
     * @throws IllegalStateException if the URL sets another delay, the delay cannot be set, or
     *     H2 closes the database between connections; the message names the setting and the fix
     * @throws ConversaException if the database cannot be reached
     */
    public static Optional<String> requireCommitsOnFile(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        String file;
        try {
            try (Connection first = dataSource.getConnection()) {
                List<String> path = Rows.query(first, PATH, row -> row.getString(1));
                if (path.isEmpty() || path.get(0) == null) {
                    return Optional.empty();
                }
                file = path.get(0);
                if (delay(first) != 0) {
                    set(first);
                }
                try (Connection second = dataSource.getConnection()) {
                    long delay = delay(second);
                    if (delay != 0) {
                        throw new IllegalStateException("the H2 URL sets WRITE_DELAY=" + delay + ": H2 would keep "
                                + "each commit in memory for " + delay + " ms, and a killed process would lose "
                                + "webhooks already acknowledged; remove WRITE_DELAY from the URL or set "
                                + "WRITE_DELAY=0");
                    }
                }
            }
            try (Connection later = dataSource.getConnection()) {
                long delay = delay(later);
                if (delay != 0) {
                    throw new IllegalStateException("H2 closed the database when its connections were closed and "
                            + "reopened it with WRITE_DELAY=" + delay + ", so commits would stay in memory for "
                            + delay + " ms; use a connection pool that keeps a connection open (such as H2's "
                            + "JdbcConnectionPool), or add ;WRITE_DELAY=0 or ;DB_CLOSE_DELAY=-1 to the URL");
                }
            }
        } catch (SQLException e) {
            throw Database.failure("setting H2's WRITE_DELAY to 0", e);
        }
        return Optional.of(file);
    }

    private static void set(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET WRITE_DELAY 0");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set H2's WRITE_DELAY to 0 (SQL state " + e.getSQLState()
                    + "; it needs admin rights): connect as an admin user, or add ;WRITE_DELAY=0 to the URL");
        }
        if (delay(connection) != 0) {
            throw new IllegalStateException("H2's WRITE_DELAY stayed at " + delay(connection) + " after SET "
                    + "WRITE_DELAY 0: add ;WRITE_DELAY=0 to the URL");
        }
    }

    /** The largest WRITE_DELAY H2 reports: the one in force and the one stored by a SET. */
    private static long delay(Connection connection) throws SQLException {
        List<Long> values = Rows.query(connection, READ, row -> Long.parseLong(row.getString(1)));
        return values.stream().mapToLong(Long::longValue).max().orElseThrow(
                () -> new IllegalStateException("H2 reports no WRITE_DELAY setting: use H2 2.x"));
    }
}
