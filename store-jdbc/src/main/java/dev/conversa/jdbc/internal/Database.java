package dev.conversa.jdbc.internal;

import dev.conversa.lang.ConversaException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work on a connection from the host's {@link DataSource}, in a READ COMMITTED transaction
 * (whatever the pool's default: claims lock a conversation, then read its entries afresh) that
 * commits when the work returns and rolls back when it throws; the connection's settings are
 * restored before it goes back to the pool. A failure becomes a {@link
 * ConversaException} naming the operation and the SQL state only: driver messages can quote
 * the values of a row (phone numbers, text), so they go to the DEBUG log, never further.
 *
 * <p>Thread-safe when the data source is.
 */
public final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DataSource dataSource;
    private final Dialect dialect;
    /**
     * The isolation level the data source's connections come with, learned from the first one
     * ({@code -1} until then): asking every connection costs a round trip on PostgreSQL
     * ({@code SHOW TRANSACTION ISOLATION LEVEL}), and pools hand connections out at their
     * configured level (HikariCP resets a changed one when it takes a connection back).
     */
    private volatile int defaultIsolation = -1;

    /**
     * Wraps a data source.
     *
     * @param dataSource the host's data source
     * @param dialect its database's dialect
     */
    public Database(DataSource dataSource, Dialect dialect) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /**
     * The host's data source.
     *
     * @return the data source
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Detects the dialect of a data source from its connection's metadata.
     *
     * @param dataSource the data source
     * @return the dialect
     * @throws ConversaException if no connection can be opened or the database is unsupported
     */
    public static Dialect detect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return Dialect.ofProduct(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw failure("detecting the database", e);
        }
    }

    /**
     * The dialect of this database.
     *
     * @return the dialect
     */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * Runs work in one transaction, at {@code READ COMMITTED}; the isolation level is changed
     * (and changed back) only when the data source's connections come with another one.
     *
     * @param operation what the work does, for error messages
     * @param work the work
     * @param <T> its result
     * @return the work's result, after the commit
     * @throws ConversaException if the database fails; the transaction is rolled back
     */
    public <T> T inTransaction(String operation, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = defaultIsolation(connection);
            boolean changeIsolation = isolation != Connection.TRANSACTION_READ_COMMITTED;
            connection.setAutoCommit(false);
            if (changeIsolation) {
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection);
                throw e;
            } finally {
                if (changeIsolation) {
                    connection.setTransactionIsolation(isolation);
                }
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure(operation, e);
        }
    }

    private int defaultIsolation(Connection connection) throws SQLException {
        int known = defaultIsolation;
        if (known == -1) {
            known = connection.getTransactionIsolation();
            defaultIsolation = known;
        }
        return known;
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback failed", e);
        }
    }

    static ConversaException failure(String operation, SQLException e) {
        LOG.debug("{} failed", operation, e);
        return new ConversaException(
                operation + " failed: SQL state " + e.getSQLState() + ", error code " + e.getErrorCode());
    }

    /**
     * Tells whether a failure is a unique-key violation.
     *
     * @param e the failure
     * @return true for SQL state 23505
     */
    static boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
