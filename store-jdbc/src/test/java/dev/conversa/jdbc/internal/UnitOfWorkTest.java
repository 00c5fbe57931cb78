package dev.conversa.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.jdbc.TestDatabasesAccess;
import dev.conversa.lang.ConversaException;
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
 * dooms the unit (or only the nested unit it ran in), and work outside it commits on its own. On
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
