package dev.conversa.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.jdbc.TestDatabasesAccess;
import dev.conversa.lang.ConversaException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Database#inUnitOfWork}: the calls a thread makes inside commit together, a failed call
 * dooms the unit (or only the nested unit it ran in), and work outside it commits on its own;
 * {@link Database#read}s before a unit's first write run outside its transaction, a unit or a
 * read that writes nothing commits nothing, and {@link Database#inStatement} commits its one
 * statement as it ends, or in the unit it runs in. On
 * H2, where a failed statement leaves the transaction open, and PostgreSQL, where it aborts it.
 */
class UnitOfWorkTest {

    private final ExecutorService other = Executors.newSingleThreadExecutor();
    private final String table = "unit_test_" + UUID.randomUUID().toString().replace("-", "");

    @AfterEach
    void stop() {
        other.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void callsInsideCommitTogetherAndOthersSeeNothingBefore(String kind) throws Exception {
        Database database = database(kind);
        GroupCommit<String, Integer> grouped = new GroupCommit<>(database, "grouped insert", 8,
                (connection, values) -> insertAll(connection, values));

        List<String> seenByOthersInside = database.inUnitOfWork(() -> {
            insert(database, "a");
            grouped.write("b");
            try {
                return other.submit(() -> values(database)).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(seenByOthersInside).as("another connection before the commit").isEmpty();
        assertThat(values(database)).containsExactlyInAnyOrder("a", "b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void workThatThrowsLeavesNothingBehind(String kind) {
        Database database = database(kind);
        GroupCommit<String, Integer> grouped = new GroupCommit<>(database, "grouped insert", 8,
                (connection, values) -> insertAll(connection, values));

        assertThatThrownBy(() -> database.inUnitOfWork(() -> {
            insert(database, "a");
            grouped.write("b");
            throw new IllegalStateException("the step failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the step failed");

        assertThat(values(database)).isEmpty();
        insert(database, "after");
        assertThat(values(database)).containsExactly("after");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aFailedCallDoomsTheUnitSoNothingOfItCommits(String kind) {
        Database database = database(kind);

        assertThatThrownBy(() -> database.inUnitOfWork(() -> {
            insert(database, "before");
            assertThatThrownBy(() -> database.inTransaction("a bad call", connection -> {
                insertAll(connection, List.of("half"));
                try (Statement statement = connection.createStatement()) {
                    return statement.executeUpdate("INSERT INTO no_such_table VALUES (1)");
                }
            })).isInstanceOf(ConversaException.class).hasMessageStartingWith("a bad call failed: SQL state");
            assertThatThrownBy(() -> insert(database, "after")).isInstanceOf(ConversaException.class)
                    .hasMessageContaining("an earlier call of its unit of work failed (a bad call)");
            return null;
        })).isInstanceOf(ConversaException.class).hasMessageContaining("a bad call");

        assertThat(values(database)).as("neither the half call nor what came before").isEmpty();
        insert(database, "next");
        assertThat(values(database)).containsExactly("next");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aFailedCallInsideANestedUnitUndoesOnlyThatUnit(String kind) {
        Database database = database(kind);

        database.inUnitOfWork(() -> {
            insert(database, "before");
            assertThatThrownBy(() -> database.inUnitOfWork(() -> {
                insert(database, "inner");
                try {
                    database.inTransaction("a bad call", connection -> {
                        insertAll(connection, List.of("half"));
                        try (Statement statement = connection.createStatement()) {
                            return statement.executeUpdate("INSERT INTO no_such_table VALUES (1)");
                        }
                    });
                } catch (ConversaException swallowed) {
                    // a careless caller goes on: the nested unit must still not commit
                }
                return null;
            })).isInstanceOf(ConversaException.class).hasMessageContaining("a bad call");
            insert(database, "after");
            return null;
        });

        assertThat(values(database)).containsExactlyInAnyOrder("before", "after");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void workOutsideSeesWhatCameBeforeCommittedAndCommitsOnItsOwn(String kind) throws Exception {
        Database database = database(kind);

        assertThatThrownBy(() -> database.inUnitOfWork(() -> {
            insert(database, "before");
            database.outsideUnitOfWork(() -> {
                try {
                    assertThat(other.submit(() -> values(database)).get(10, TimeUnit.SECONDS))
                            .as("committed before the work outside").containsExactly("before");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                assertThat(database.inUnitOfWork()).isFalse();
                insert(database, "outside");
                return null;
            });
            insert(database, "after");
            throw new IllegalStateException("the step failed after the model answered");
        })).hasMessage("the step failed after the model answered");

        assertThat(values(database)).as("only what came after the work outside rolled back")
                .containsExactlyInAnyOrder("before", "outside");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aUnitInsideAnotherJoinsIt(String kind) {
        Database database = database(kind);

        assertThatThrownBy(() -> database.inUnitOfWork(() -> {
            database.inUnitOfWork(() -> insert(database, "inner"));
            throw new IllegalStateException("outer failed");
        })).hasMessage("outer failed");

        assertThat(values(database)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aUnitInsideAnotherThatThrowsIsUndoneAndTheOuterGoesOn(String kind) {
        Database database = database(kind);
        GroupCommit<String, Integer> grouped = new GroupCommit<>(database, "grouped insert", 8,
                (connection, values) -> insertAll(connection, values));

        database.inUnitOfWork(() -> {
            insert(database, "before");
            assertThatThrownBy(() -> database.inUnitOfWork(() -> {
                insert(database, "inner");
                grouped.write("inner grouped");
                throw new IllegalStateException("one status failed");
            })).hasMessage("one status failed");
            database.inUnitOfWork(() -> insert(database, "next"));
            insert(database, "after");
            return null;
        });

        assertThat(values(database)).containsExactlyInAnyOrder("before", "next", "after");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aUnitInsideAnotherThatWentOutsideKeepsWhatCommittedThere(String kind) {
        Database database = database(kind);

        database.inUnitOfWork(() -> {
            assertThatThrownBy(() -> database.inUnitOfWork(() -> {
                insert(database, "inner before");
                database.outsideUnitOfWork(() -> insert(database, "outside"));
                throw new IllegalStateException("failed after the model answered");
            })).hasMessage("failed after the model answered");
            insert(database, "after");
            return null;
        });

        assertThat(values(database)).containsExactlyInAnyOrder("inner before", "outside", "after");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aReadOutsideAUnitCommitsNothingAndGivesTheConnectionBackAsItCame(String kind) {
        Database database = database(kind);
        insert(database, "a");
        Database watched = new Database(watching(database.dataSource()), database.dialect());

        assertThat(read(watched)).containsExactly("a");

        assertThat(transactionCalls).as("commit and rollback calls").isEmpty();
        assertThat(autoCommitWhenClosed).as("the pool's own setting, off").containsExactly(false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aUnitThatOnlyReadsCommitsNothing(String kind) {
        Database database = database(kind);
        insert(database, "a");
        Database watched = new Database(watching(database.dataSource()), database.dialect());

        List<String> seen = watched.inUnitOfWork(() -> {
            List<String> first = read(watched);
            assertThat(read(watched)).isEqualTo(first);
            return first;
        });

        assertThat(seen).containsExactly("a");
        assertThat(transactionCalls).as("commit and rollback calls").isEmpty();
        assertThat(autoCommitWhenClosed).containsExactly(false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aWriteAfterReadsBeginsTheTransactionAndReadsAfterItJoinIt(String kind) throws Exception {
        Database database = database(kind);
        Database watched = new Database(watching(database.dataSource()), database.dialect());

        List<String> seenByOthersInside = watched.inUnitOfWork(() -> {
            assertThat(read(watched)).isEmpty();
            insert(watched, "a");
            assertThat(read(watched)).as("the unit's own write, before its commit").containsExactly("a");
            try {
                return other.submit(() -> values(database)).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(seenByOthersInside).as("another connection before the commit").isEmpty();
        assertThat(values(database)).containsExactly("a");
        assertThat(transactionCalls).as("one commit (the rollback after it, when the connection goes back, undoes "
                + "nothing)").startsWith("commit").containsOnlyOnce("commit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aWriteAfterReadsIsUndoneWhenTheUnitThrows(String kind) {
        Database database = database(kind);

        assertThatThrownBy(() -> database.inUnitOfWork(() -> {
            read(database);
            insert(database, "a");
            throw new IllegalStateException("the step failed");
        })).hasMessage("the step failed");

        assertThat(values(database)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aNestedUnitInAUnitThatOnlyReadHasItsSavepoint(String kind) {
        Database database = database(kind);

        database.inUnitOfWork(() -> {
            read(database);
            assertThatThrownBy(() -> database.inUnitOfWork(() -> {
                insert(database, "inner");
                throw new IllegalStateException("inner failed");
            })).hasMessage("inner failed");
            insert(database, "after");
            return null;
        });

        assertThat(values(database)).containsExactly("after");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aStatementOutsideAUnitCommitsAsItEnds(String kind) {
        Database database = database(kind);
        Database watched = new Database(watching(database.dataSource()), database.dialect());

        watched.inStatement("inserting", connection -> insertAll(connection, List.of("a")));

        assertThat(values(database)).containsExactly("a");
        assertThat(transactionCalls).as("commit and rollback calls").isEmpty();
        assertThat(autoCommitWhenClosed).containsExactly(false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aStatementInAUnitThatOnlyReadBeginsItsTransaction(String kind) throws Exception {
        Database database = database(kind);

        assertThatThrownBy(() -> database.inUnitOfWork(() -> {
            read(database);
            database.inStatement("inserting", connection -> insertAll(connection, List.of("a")));
            try {
                assertThat(other.submit(() -> values(database)).get(10, TimeUnit.SECONDS))
                        .as("another connection before the commit").isEmpty();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("the step failed");
        })).hasMessage("the step failed");

        assertThat(values(database)).isEmpty();
    }

    /** Commit and rollback calls on the watched connections, in order. */
    private final List<String> transactionCalls = new ArrayList<>();
    /** Each watched connection's auto-commit setting when it went back to the pool. */
    private final List<Boolean> autoCommitWhenClosed = new ArrayList<>();

    /** Connections that come with auto-commit off, as some pools hand them out, and are watched. */
    private DataSource watching(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (!method.getName().equals("getConnection")) {
                        return result;
                    }
                    Connection connection = (Connection) result;
                    connection.setAutoCommit(false);
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                            (c, call, callArgs) -> {
                                if (call.getName().equals("commit") || call.getName().equals("rollback")) {
                                    transactionCalls.add(call.getName());
                                } else if (call.getName().equals("close")) {
                                    autoCommitWhenClosed.add(connection.getAutoCommit());
                                }
                                return invoke(connection, call, callArgs);
                            });
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private List<String> read(Database database) {
        return database.read("reading", connection -> {
            List<String> values = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT v FROM " + table + " ORDER BY v")) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        });
    }

    private Database database(String kind) {
        DataSource dataSource;
        Dialect dialect;
        if (kind.equals("h2")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            dataSource = h2;
            dialect = Dialect.H2;
        } else {
            dataSource = TestDatabasesAccess.postgresDataSource();
            dialect = Dialect.POSTGRESQL;
        }
        Database database = new Database(dataSource, dialect);
        database.inTransaction("creating the table", connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate("CREATE TABLE " + table + " (v VARCHAR(20) PRIMARY KEY)");
            }
        });
        return database;
    }

    private int insert(Database database, String value) {
        return database.inTransaction("inserting", connection -> insertAll(connection, List.of(value)).get(0));
    }

    private List<Integer> insertAll(Connection connection, List<String> values) throws SQLException {
        List<Integer> counts = new ArrayList<>();
        for (String value : values) {
            try (var statement = connection.prepareStatement("INSERT INTO " + table + " (v) VALUES (?)")) {
                statement.setString(1, value);
                counts.add(statement.executeUpdate());
            }
        }
        return counts;
    }

    private List<String> values(Database database) {
        return database.inTransaction("reading", connection -> {
            List<String> values = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT v FROM " + table)) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        });
    }
}
