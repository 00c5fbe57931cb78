package dev.conversa.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.jdbc.TestDatabasesAccess;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A lane's lock on each database: created when missing, taken when free, skipped when held. */
class LaneLocksTest {

    private static final Lane LANE = new Lane("tenant-a", "whatsapp", "account-1", "15550001");

    private final ExecutorService other = Executors.newSingleThreadExecutor();
    private final List<Connection> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws SQLException {
        other.shutdownNow();
        for (Connection connection : open) {
            connection.rollback();
            connection.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void createsAMissingLaneAndHoldsItUntilTheTransactionEnds(Dialect dialect) throws Exception {
        DataSource database = database(dialect);
        LaneLocks locks = new LaneLocks(dialect, "inbox");
        Connection first = transaction(database);
        Connection second = transaction(database);

        assertThat(locks.tryLock(first, LANE)).isTrue();
        first.commit();
        assertThat(lanes(second)).as("the lane's row, committed").isEqualTo(1);
        second.commit();

        assertThat(locks.tryLock(first, LANE)).as("the existing row, free").isTrue();
        assertThat(inOther(() -> locks.tryLock(second, LANE))).as("while the first holds it").isFalse();
        assertThat(inOther(() -> new LaneLocks(dialect, "outbox").tryLock(second, LANE)))
                .as("the same conversation's other queue").isTrue();
        first.commit();
        assertThat(inOther(() -> locks.tryLock(second, LANE))).as("once the first's transaction ended").isTrue();
        assertThat(lanes(second)).isEqualTo(2);
    }

    @Test
    void aLaneAnotherClaimerIsCreatingCountsAsHeldOnPostgresql() throws Exception {
        DataSource database = database(Dialect.POSTGRESQL);
        LaneLocks locks = new LaneLocks(Dialect.POSTGRESQL, "inbox");
        Connection creator = transaction(database);
        Connection late = transaction(database);
        assertThat(locks.tryLock(creator, LANE)).isTrue();

        Future<Boolean> waiting = other.submit(() -> locks.tryLock(late, LANE));
        await().atMost(Duration.ofSeconds(10)).until(() -> waitersOnLocks(database) == 1);
        creator.commit();

        assertThat(waiting.get(10, TimeUnit.SECONDS)).isFalse();
        late.commit();
        assertThat(locks.tryLock(late, LANE)).as("asked again, after the creator's transaction").isTrue();
        assertThat(lanes(late)).isEqualTo(1);
    }

    private DataSource database(Dialect dialect) {
        if (dialect == Dialect.POSTGRESQL) {
            TestDatabasesAccess.postgres(Clock.systemUTC());
            return TestDatabasesAccess.postgresDataSource();
        }
        return TestDatabasesAccess.h2DataSource();
    }

    private Connection transaction(DataSource database) throws SQLException {
        Connection connection = database.getConnection();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        open.add(connection);
        return connection;
    }

    /** Runs on another thread, as another claimer does, within a bound. */
    private boolean inOther(Callable<Boolean> lock) throws Exception {
        return other.submit(lock).get(10, TimeUnit.SECONDS);
    }

    private static int lanes(Connection connection) throws SQLException {
        return Rows.first(connection, "SELECT COUNT(*) FROM conversa_lane WHERE" + Lane.WHERE, row -> row.getInt(1),
                LANE.values()).orElseThrow();
    }

    private static int waitersOnLocks(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection()) {
            return Rows.first(connection, "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    + "AND datname = current_database()", row -> row.getInt(1)).orElseThrow();
        }
    }
}
