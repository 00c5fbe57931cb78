package dev.conversa.jdbc;

import dev.conversa.store.Stores;
import java.time.Clock;

/** Core's store contract suites against embedded PostgreSQL, emptied before each test. */
class PostgresStoreContractsTest extends JdbcStoreContracts {

    @Override
    Stores stores(Clock clock) {
        return TestDatabases.postgres(clock).stores();
    }
}
