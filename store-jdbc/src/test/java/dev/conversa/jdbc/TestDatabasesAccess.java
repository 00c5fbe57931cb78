package dev.conversa.jdbc;

import java.time.Clock;

/** {@link TestDatabases} for the tests in sub-packages. */
public final class TestDatabasesAccess {

    private TestDatabasesAccess() {}

    /**
     * A new, empty, migrated H2 database.
     *
     * @param clock the stores' clock
     * @return the stores
     */
    public static JdbcStores h2(Clock clock) {
        return TestDatabases.h2(clock);
    }

    /**
     * A new, empty, migrated H2 database's data source.
     *
     * @return the data source
     */
    public static javax.sql.DataSource h2DataSource() {
        return TestDatabases.h2DataSource();
    }

    /**
     * The shared PostgreSQL database, migrated and emptied.
     *
     * @param clock the stores' clock
     * @return the stores
     */
    public static JdbcStores postgres(Clock clock) {
        return TestDatabases.postgres(clock);
    }

    /**
     * The shared PostgreSQL server's pooled data source, started on first use.
     *
     * @return the data source
     */
    public static javax.sql.DataSource postgresDataSource() {
        return TestDatabases.postgresDataSource();
    }
}
