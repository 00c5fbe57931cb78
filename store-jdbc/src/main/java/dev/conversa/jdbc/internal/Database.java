package dev.conversa.jdbc.internal;

import dev.conversa.lang.ConversaException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work on a connection from the host's {@link DataSource}, in a READ COMMITTED transaction
 * (whatever the pool's default: claims lock a conversation, then read its entries afresh) that
 * commits when the work returns and rolls back when it throws; work that only reads, or runs
 * one statement, runs outside a transaction at READ COMMITTED (the stores' finds and lists, and
 * their one-statement changes of a claimed row), sparing the {@code COMMIT} and its round trip.
 * The connection's settings are restored before it goes back to the pool. A failure becomes a
 * {@link ConversaException} naming the operation and the SQL state only: driver messages can quote
 * the values of a row (phone numbers, text), so they go to the DEBUG log, never further.
 *
 * <p>Thread-safe when the data source is.
 */
public final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** The lock of each H2 file database this JVM writes through {@link #oneTransactionAtATime}. */
    private static final ConcurrentMap<String, ReentrantLock> FILES = new ConcurrentHashMap<>();

    private final DataSource dataSource;
    private final Dialect dialect;
    /** Held by the thread whose transaction runs, when one transaction at a time may; else null. */
    private final ReentrantLock oneAtATime;
    /**
     * The isolation level the data source's connections come with, learned from the first one
     * ({@code -1} until then): asking every connection costs a round trip on PostgreSQL
     * ({@code SHOW TRANSACTION ISOLATION LEVEL}), and pools hand connections out at their
     * configured level (HikariCP resets a changed one when it takes a connection back).
     */
    private volatile int defaultIsolation = -1;
    /** The unit of work the current thread runs, if any ({@link #inUnitOfWork}). */
    private final ThreadLocal<Unit> unit = new ThreadLocal<>();

    /**
     * Wraps a data source.
     *
     * @param dataSource the host's data source
     * @param dialect its database's dialect
     */
    public Database(DataSource dataSource, Dialect dialect) {
        this(dataSource, dialect, null);
    }

    private Database(DataSource dataSource, Dialect dialect, ReentrantLock oneAtATime) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.oneAtATime = oneAtATime;
    }

    /**
     * Wraps the data source of an H2 file database so that its transactions run one at a time
     * in this JVM, each from its first statement to its commit or rollback (every {@code
     * Database} of the same file shares the lock).
     *
     * <p>Why: H2 2.x writes the file (at each commit, with {@code WRITE_DELAY 0}) from a snapshot
     * that is consistent per table and index but not across them while other transactions write
     * or commit (H2 issue 2080). A process killed just after such a write leaves rows marked as
     * changed by a transaction whose undo log the file does not hold: after the restart they are
     * invisible to every reader and locked to every writer, for good. Seen as acknowledged
     * messages missing after a kill, and as claims that wait on such a row until they time out.
     * With one transaction at a time no write meets another transaction half done. The cost is
     * H2's concurrency, which on an embedded database is mostly the JVM's own CPU anyway.
     *
     * @param dataSource the host's data source, of an H2 file database
     * @param dialect its dialect
     * @param file names the database file, the same for every data source of it however its URL
     *     spells the path (H2's {@code DATABASE_PATH()})
     * @return the database
     */
    public static Database oneTransactionAtATime(DataSource dataSource, Dialect dialect, String file) {
        return new Database(dataSource, dialect, FILES.computeIfAbsent(file, key -> new ReentrantLock()));
    }

    /** Waits for this thread's turn to run a transaction, if transactions take turns. */
    private void enter() {
        if (oneAtATime != null) {
            oneAtATime.lock();
        }
    }

    /** Ends this thread's turn, if transactions take turns. */
    private void leave() {
        if (oneAtATime != null) {
            oneAtATime.unlock();
        }
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
     * Runs work so that every {@link #inTransaction} call the current thread makes inside it
     * joins one transaction: its connection taken from the pool at the first call, the transaction
     * begun at the first call that may write (a read before it runs outside one), committed when
     * the work returns, rolled back when it throws. A call that fails inside dooms the unit: later
     * calls fail at once and the commit is refused, so nothing of it commits (the work is tried
     * again as a whole; PostgreSQL would refuse every later statement of the transaction anyway). A
     * unit of work inside another joins it in a savepoint of its own: when the inner work throws,
     * what it wrote is undone, a failed call inside it included, and the outer unit may go on.
     *
     * @param work the work
     * @param <T> its result
     * @return the work's result, after the commit
     * @throws ConversaException if the commit fails; the work's own exceptions pass unchanged
     */
    public <T> T inUnitOfWork(Supplier<T> work) {
        Unit outer = unit.get();
        if (outer != null) {
            return outer.nested(work);
        }
        Unit current = new Unit();
        unit.set(current);
        try {
            T result = work.get();
            current.commit();
            return result;
        } finally {
            unit.remove();
            current.close();
        }
    }

    /**
     * Runs work outside the current thread's unit of work, if any: what the unit wrote commits
     * first and its connection goes back to the pool; calls made by the work commit on their
     * own; the unit goes on afterwards on a connection taken at its next call.
     *
     * @param work the work, such as waiting on a model
     * @param <T> its result
     * @return the work's result
     * @throws ConversaException if committing what came before fails
     */
    public <T> T outsideUnitOfWork(Supplier<T> work) {
        Unit current = unit.get();
        if (current == null) {
            return work.get();
        }
        current.commit();
        current.close();
        unit.remove();
        try {
            return work.get();
        } finally {
            unit.set(current);
        }
    }

    /** Whether the current thread runs a unit of work, whose transaction every call joins. */
    boolean inUnitOfWork() {
        return unit.get() != null;
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
        return run(operation, Mode.TRANSACTION, work);
    }

    /**
     * Runs work that only reads: plain {@code SELECT}s, which neither write nor lock. Outside a
     * unit of work it runs without a transaction, each statement on its own at {@code READ
     * COMMITTED}, which spares the {@code COMMIT} and its round trip. In a unit of work it joins
     * the unit's transaction once the unit has written; before that it reads on the unit's
     * connection outside any transaction, so a unit that only reads commits nothing. At {@code
     * READ COMMITTED} each statement sees what was committed when it began, inside a transaction
     * or not, so the work sees the same rows either way.
     *
     * @param operation what the work does, for error messages
     * @param work the work, which must not write or lock
     * @param <T> its result
     * @return the work's result
     * @throws ConversaException if the database fails
     */
    <T> T read(String operation, SqlWork<T> work) {
        return run(operation, Mode.READ, work);
    }

    /**
     * Runs work that runs one statement, which may write: a statement is atomic on its own, so
     * outside a unit of work it runs without a transaction and commits as it ends, one round trip
     * instead of two (the statement, then {@code COMMIT}); in a unit of work it joins the unit's
     * transaction, beginning it if need be, as {@link #inTransaction} does.
     *
     * @param operation what the work does, for error messages
     * @param work the work, which runs exactly one statement
     * @param <T> its result
     * @return the work's result, after the statement committed
     * @throws ConversaException if the database fails
     */
    <T> T inStatement(String operation, SqlWork<T> work) {
        return run(operation, Mode.STATEMENT, work);
    }

    /** How work runs: {@link #inTransaction}, {@link #read} or {@link #inStatement}. */
    private enum Mode {
        TRANSACTION, READ, STATEMENT;

        /** Whether, outside a unit of work, the work needs a transaction of its own. */
        boolean ownTransaction() {
            return this == TRANSACTION;
        }

        /** Whether the work may write, and so begins the transaction of the unit of work it joins. */
        boolean writes() {
            return this != READ;
        }
    }

    /** Runs work in a transaction of its own or without one, as its mode says, or in the current unit of work. */
    private <T> T run(String operation, Mode mode, SqlWork<T> work) {
        Unit current = unit.get();
        if (current != null) {
            return current.join(operation, mode.writes(), work);
        }
        boolean transaction = mode.ownTransaction();
        enter();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = defaultIsolation(connection);
            boolean changeIsolation = isolation != Connection.TRANSACTION_READ_COMMITTED;
            connection.setAutoCommit(!transaction);
            if (changeIsolation) {
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            try {
                T result = work.run(connection);
                if (transaction) {
                    connection.commit();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                if (transaction) {
                    rollback(connection);
                }
                throw e;
            } finally {
                if (changeIsolation) {
                    connection.setTransactionIsolation(isolation);
                }
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure(operation, e);
        } finally {
            leave();
        }
    }

    /**
     * A unit of work's transaction: its connection, opened at the first call that joins, and the
     * transaction, begun at the first call that may write (reads before it run outside one).
     */
    private final class Unit {

        private Connection connection;
        /** Whether the connection is in a transaction: taken out of auto-commit by a call that may write. */
        private boolean begun;
        private boolean autoCommit;
        private int isolation;
        private boolean changeIsolation;
        private int savepoints;
        /** The operation of the call that failed and doomed the unit, or null. */
        private String failed;
        /** How many transactions this unit has begun; a new one after each {@link #outsideUnitOfWork}. */
        private int transactions;

        /**
         * Runs a call on the unit's connection. A call that fails leaves the unit doomed: no later
         * call runs and nothing commits, since what the call half did cannot be told apart (a
         * savepoint per call would, at two more round trips per call).
         */
        <T> T join(String operation, boolean writes, SqlWork<T> work) {
            if (failed != null) {
                throw new ConversaException(operation + " failed: an earlier call of its unit of work failed ("
                        + failed + ")");
            }
            try {
                Connection open = open();
                if (writes) {
                    begin(open);
                }
                return work.run(open);
            } catch (SQLException e) {
                failed = operation;
                throw failure(operation, e);
            } catch (RuntimeException e) {
                failed = operation;
                throw e;
            }
        }

        /**
         * Runs a unit of work inside this one, in a savepoint: undone when it throws or when a call
         * inside it failed (which then dooms only the nested unit). When the work left the unit
         * meanwhile ({@link #outsideUnitOfWork} committed it), there is nothing of it to undo here.
         */
        <T> T nested(Supplier<T> work) {
            Connection open;
            Savepoint savepoint;
            int transaction;
            String failedBefore = failed;
            try {
                open = open();
                begin(open);
                transaction = transactions;
                savepoint = open.setSavepoint("conversa_" + ++savepoints);
            } catch (SQLException e) {
                throw failure("starting a nested unit of work", e);
            }
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                if (sameTransaction(transaction)) {
                    try {
                        undo(open, savepoint, failedBefore);
                    } catch (SQLException again) {
                        LOG.debug("rollback to a savepoint failed", again);
                    }
                }
                throw e;
            }
            if (!sameTransaction(transaction)) {
                return result;
            }
            try {
                if (failedBefore == null && failed != null) {
                    String doomed = failed;
                    undo(open, savepoint, null);
                    throw new ConversaException("a nested unit of work failed: its call " + doomed
                            + " failed, so nothing of it commits");
                }
                open.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                throw failure("ending a nested unit of work", e);
            }
            return result;
        }

        /** Whether the unit still runs the transaction it ran when {@code transaction} was its count. */
        private boolean sameTransaction(int transaction) {
            return connection != null && transactions == transaction;
        }

        /** Rolls back to a nested unit's savepoint and forgets the failures that came after it. */
        private void undo(Connection open, Savepoint savepoint, String failedBefore) throws SQLException {
            open.rollback(savepoint);
            failed = failedBefore;
        }

        private Connection open() throws SQLException {
            if (connection == null) {
                enter();
                Connection opened;
                try {
                    opened = dataSource.getConnection();
                } catch (SQLException | RuntimeException e) {
                    leave();
                    throw e;
                }
                try {
                    autoCommit = opened.getAutoCommit();
                    isolation = defaultIsolation(opened);
                    changeIsolation = isolation != Connection.TRANSACTION_READ_COMMITTED;
                    opened.setAutoCommit(true);
                    if (changeIsolation) {
                        opened.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    }
                } catch (SQLException e) {
                    try {
                        opened.close();
                    } finally {
                        leave();
                    }
                    throw e;
                }
                connection = opened;
                begun = false;
                transactions++;
            }
            return connection;
        }

        /** Begins the transaction, if not yet: the first call that may write. */
        private void begin(Connection open) throws SQLException {
            if (!begun) {
                open.setAutoCommit(false);
                begun = true;
            }
        }

        void commit() {
            if (failed != null) {
                throw new ConversaException("committing a unit of work failed: its call " + failed
                        + " failed, so nothing of it commits");
            }
            if (connection != null && begun) {
                try {
                    connection.commit();
                } catch (SQLException e) {
                    throw failure("committing a unit of work", e);
                }
            }
        }

        /**
         * Rolls back what was not committed (nothing after a commit), restores and returns the
         * connection; a later call takes a new one.
         */
        void close() {
            if (connection == null) {
                return;
            }
            Connection open = connection;
            connection = null;
            try (Connection closing = open) {
                if (begun) {
                    rollback(closing);
                }
                if (changeIsolation) {
                    closing.setTransactionIsolation(isolation);
                }
                closing.setAutoCommit(autoCommit);
            } catch (SQLException e) {
                LOG.debug("closing a unit of work's connection failed", e);
            } finally {
                leave();
            }
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
