package dev.conversa.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class DatabaseIsolationTest {

    private final AtomicInteger isolationQueries = new AtomicInteger();
    private final AtomicInteger isolationChanges = new AtomicInteger();
    private final List<Integer> levelsWhenClosed = new ArrayList<>();
    private boolean inWork;

    @Test
    void asksTheIsolationLevelOnceAndNeverChangesItWhenConnectionsComeAtReadCommitted() {
        Database database = new Database(counting(Connection.TRANSACTION_READ_COMMITTED), Dialect.H2);

        for (int i = 0; i < 20; i++) {
            assertThat(database.<Integer>inTransaction("reading", this::isolationSeenByWork))
                    .isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        }

        assertThat(isolationQueries.get()).as("getTransactionIsolation calls by Database").isEqualTo(1);
        assertThat(isolationChanges.get()).isZero();
    }

    @Test
    void runsAtReadCommittedAndGivesTheConnectionBackAtItsOwnLevel() throws Exception {
        Database database = new Database(counting(Connection.TRANSACTION_SERIALIZABLE), Dialect.H2);

        for (int i = 0; i < 3; i++) {
            assertThat(database.<Integer>inTransaction("reading", this::isolationSeenByWork))
                    .isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        }

        assertThat(isolationQueries.get()).isEqualTo(1);
        assertThat(isolationChanges.get()).as("to READ COMMITTED and back, per transaction").isEqualTo(6);
        assertThat(levelsWhenClosed).hasSize(3).containsOnly(Connection.TRANSACTION_SERIALIZABLE);
    }

    /**
     * An H2 data source whose connections start at the given level and count what Database asks
     * of them, and the level each is given back at.
     */
    private DataSource counting(int level) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:isolation-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(h2, method, args);
                    if (!method.getName().equals("getConnection")) {
                        return result;
                    }
                    Connection real = (Connection) result;
                    real.setTransactionIsolation(level);
                    Connection watched = watch(real);
                    return watched;
                });
    }

    private Connection watch(Connection real) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    boolean fromDatabase = !inWork;
                    if (fromDatabase && method.getName().equals("getTransactionIsolation")) {
                        isolationQueries.incrementAndGet();
                    } else if (fromDatabase && method.getName().equals("setTransactionIsolation")) {
                        isolationChanges.incrementAndGet();
                    }
                    if (method.getName().equals("close")) {
                        levelsWhenClosed.add(real.getTransactionIsolation());
                    }
                    return invoke(real, method, args);
                });
    }

    /** The level the work runs at, asked by the work (not counted as Database's asking). */
    private int isolationSeenByWork(Connection connection) throws java.sql.SQLException {
        inWork = true;
        try {
            return connection.getTransactionIsolation();
        } finally {
            inWork = false;
        }
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
