package dev.conversa.jdbc;

import dev.conversa.store.Stores;
import java.time.Clock;

/** Core's store contract suites against a fresh in-memory H2 database per test. */
class H2StoreContractsTest extends JdbcStoreContracts {

    @Override
    Stores stores(Clock clock) {
        return TestDatabases.h2(clock).stores();
    }
}
